namespace Portal.Domain.Requirements;

/// <summary>A set of requirements from one seed document (for example ElaadNL's smart-charging requirements).</summary>
public sealed record RequirementSet(
    string Id,
    string Title,
    string? Publisher,
    string Source,
    string Note,
    IReadOnlyList<Requirement> Requirements);
