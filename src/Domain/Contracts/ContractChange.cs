namespace Portal.Domain.Contracts;

/// <summary>One entry in a contract's append-only history: who, when, what kind of change, and what it was.</summary>
public sealed class ContractChange
{
    public const int MaxDetailLength = 1000;

    private ContractChange() { }

    public long Id { get; private set; }
    public Guid ContractId { get; private set; }
    public DateTime AtUtc { get; private set; }
    public string ByUserId { get; private set; } = "";
    public string ByName { get; private set; } = "";
    public ContractChangeKind Kind { get; private set; }

    /// <summary>The version the change is about, when it is about one.</summary>
    public int? VersionNumber { get; private set; }

    /// <summary>What changed, in the portal's neutral notation (keys, numbers, ISO dates): the same in every language.</summary>
    public string Detail { get; private set; } = "";

    internal static ContractChange Record(Guid contractId, ContractActor actor, DateTime atUtc, ContractChangeKind kind, int? versionNumber, string detail) => new()
    {
        ContractId = contractId,
        AtUtc = atUtc,
        ByUserId = actor.UserId,
        ByName = actor.Name,
        Kind = kind,
        VersionNumber = versionNumber,
        Detail = detail.Length > MaxDetailLength ? detail[..MaxDetailLength] : detail,
    };
}

/// <summary>The person making a change to a contract, as recorded in its history.</summary>
public sealed record ContractActor(string UserId, string Name);

/// <summary>What kind of change a history entry records (stored by name).</summary>
public enum ContractChangeKind
{
    Created,
    DetailsChanged,
    VersionChanged,
    TermsChanged,
    Signed,
    AmendmentDrafted,
    DraftVersionDiscarded,
    RequirementAttached,
    SectionAttached,
    RequirementDetached,
    ThresholdTightened,
    CoverageRuleAdded,
    CoverageRuleRemoved,
    EvseRecordChanged,
    DocumentAdded,
    DocumentRemoved,
    GridConnectionChanged,
}
