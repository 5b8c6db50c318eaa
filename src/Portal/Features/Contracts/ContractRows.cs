using Portal.Domain.Contracts;
using Portal.Domain.Requirements;

namespace Portal.Features.Contracts;

/// <summary>One contract in the list: its parties, its status today and the period of the version that says so.</summary>
public sealed record ContractRow(Guid Id, string Reference, ContractKind Kind, string OperatorName, string? LotName, string LeadMunicipality,
    IReadOnlyList<string> Municipalities, ContractStatus Status, DateOnly? StartsOn, DateOnly? EndsOn, DateTime UpdatedAtUtc);

/// <summary>A choice in a list filter or picker.</summary>
public sealed record ContractChoice(Guid Id, string Name);

/// <summary>The contract page: the contract, names for its ids, what the reader may do, and its coverage and requirement states today.</summary>
public sealed record ContractView(
    Contract Contract,
    string OperatorName,
    IReadOnlyDictionary<Guid, string> MunicipalityNames,
    bool CanEdit,
    DateOnly Today,
    ContractCoverageView Coverage);

/// <summary>How many EVSEs the contract covers, and which.</summary>
public sealed record ContractCoverageView(int FromMunicipalities, IReadOnlyList<EvseRef> Covered);

/// <summary>An attached requirement with its catalogue text (when the catalogue still has it) and its state today.</summary>
public sealed record RequirementStateRow(AttachedRequirement Attached, Requirement? Catalogue, RequirementState State);
