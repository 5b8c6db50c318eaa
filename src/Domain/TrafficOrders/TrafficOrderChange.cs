namespace Portal.Domain.TrafficOrders;

/// <summary>One entry in an order's append-only history: who, when, from which status to which, and why.</summary>
public sealed class TrafficOrderChange
{
    private TrafficOrderChange() { }

    public long Id { get; private set; }
    public Guid TrafficOrderId { get; private set; }
    public DateTime AtUtc { get; private set; }
    public string ByUserId { get; private set; } = "";
    public string ByName { get; private set; } = "";
    public TrafficOrderStatus? From { get; private set; }
    public TrafficOrderStatus To { get; private set; }
    public string? Reason { get; private set; }

    internal static TrafficOrderChange Record(Guid orderId, TrafficOrderActor actor, DateTime atUtc, TrafficOrderStatus? from, TrafficOrderStatus to, string? reason) => new()
    {
        TrafficOrderId = orderId,
        AtUtc = atUtc,
        ByUserId = actor.UserId,
        ByName = actor.Name,
        From = from,
        To = to,
        Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(),
    };
}

/// <summary>The person (or, for a term that lapsed, the portal itself) making a change, as recorded in history.</summary>
public sealed record TrafficOrderActor(string UserId, string Name)
{
    public static readonly TrafficOrderActor Portal = new("portal", "Portal");
}
