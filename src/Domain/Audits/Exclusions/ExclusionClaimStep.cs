using Portal.Domain.Contracts;

namespace Portal.Domain.Audits.Exclusions;

/// <summary>One step in the append-only history of an exclusion claim: who, when, what, and why.</summary>
public sealed class ExclusionClaimStep
{
    public const int MaxDetailLength = 2000;

    private ExclusionClaimStep() { }

    public long Id { get; private set; }
    public Guid ClaimId { get; private set; }
    public DateTime AtUtc { get; private set; }

    /// <summary>The person's user id; empty for the portal's own steps (a proposed candidate).</summary>
    public string ByUserId { get; private set; } = "";
    public string ByName { get; private set; } = "";
    public ExclusionClaimStepKind Kind { get; private set; }
    public string Detail { get; private set; } = "";

    internal static ExclusionClaimStep Record(Guid claimId, ContractActor? actor, DateTime atUtc, ExclusionClaimStepKind kind, string detail) => new()
    {
        ClaimId = claimId,
        AtUtc = atUtc,
        ByUserId = actor?.UserId ?? "",
        ByName = actor is null ? "" : actor.Name.Length <= 200 ? actor.Name : actor.Name[..200],
        Kind = kind,
        Detail = detail.Length > MaxDetailLength ? detail[..MaxDetailLength] : detail,
    };
}

/// <summary>What a step of a claim's history records (stored by name).</summary>
public enum ExclusionClaimStepKind
{
    Proposed,
    Claimed,
    Confirmed,
    Dismissed,
    Approved,
    PartlyApproved,
    Rejected,
}
