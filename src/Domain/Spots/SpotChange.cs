namespace Portal.Domain.Spots;

/// <summary>One entry in a spot's history: who changed what, when, from what to what, and why.</summary>
public sealed class SpotChange
{
    public const int MaxReasonLength = 1000;

    private SpotChange() { }

    public long Id { get; private set; }
    public Guid SpotId { get; private set; }
    public DateTime AtUtc { get; private set; }
    public string ByUserId { get; private set; } = "";
    public string ByName { get; private set; } = "";
    public SpotChangeKind Kind { get; private set; }
    public string? From { get; private set; }
    public string? To { get; private set; }
    public string? Reason { get; private set; }

    internal static SpotChange Record(Guid spotId, SpotActor actor, DateTime atUtc, SpotChangeKind kind, string? from, string? to, string? reason) => new()
    {
        SpotId = spotId,
        AtUtc = atUtc,
        ByUserId = actor.UserId,
        ByName = actor.Name,
        Kind = kind,
        From = from,
        To = to,
        Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(),
    };
}

public enum SpotChangeKind
{
    Created,
    Moved,
    Edited,
    StatusChanged,

    /// <summary>The status followed a traffic order (published, final, revoked); the reason names the order.</summary>
    FollowedOrder,
}

/// <summary>The person making a change, as recorded in history.</summary>
public sealed record SpotActor(string UserId, string Name);
