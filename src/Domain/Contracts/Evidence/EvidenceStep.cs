namespace Portal.Domain.Contracts.Evidence;

/// <summary>One step in the append-only history of a piece of evidence: who, when, what, and why.</summary>
public sealed class EvidenceStep
{
    public const int MaxDetailLength = 1000;

    private EvidenceStep() { }

    public long Id { get; private set; }
    public Guid EvidenceId { get; private set; }
    public DateTime AtUtc { get; private set; }

    /// <summary>The person's user id; empty for the portal's own steps (reminders, expiry).</summary>
    public string ByUserId { get; private set; } = "";
    public string ByName { get; private set; } = "";
    public EvidenceStepKind Kind { get; private set; }

    /// <summary>The reason of a decision, or the day a reminder or expiry is about (ISO), as typed or in neutral notation.</summary>
    public string Detail { get; private set; } = "";

    internal static EvidenceStep Record(Guid evidenceId, ContractActor? actor, DateTime atUtc, EvidenceStepKind kind, string detail) => new()
    {
        EvidenceId = evidenceId,
        AtUtc = atUtc,
        ByUserId = actor?.UserId ?? "",
        ByName = actor?.Name ?? "",
        Kind = kind,
        Detail = detail.Length > MaxDetailLength ? detail[..MaxDetailLength] : detail,
    };
}

/// <summary>What a step of evidence's history records (stored by name).</summary>
public enum EvidenceStepKind
{
    Uploaded,
    Accepted,
    Rejected,
    RemindedSixtyDays,
    RemindedThirtyDays,
    Expired,
}
