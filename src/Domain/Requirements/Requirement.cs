namespace Portal.Domain.Requirements;

/// <summary>One requirement of the catalogue, summarised in the portal's own words from its seed document.</summary>
public sealed record Requirement(
    RequirementKey Key,
    int SeedId,
    string Section,
    string SeedHeading,
    string Summary,
    IReadOnlyList<string> AppliesTo,
    IReadOnlyList<string> Standards,
    IReadOnlyList<string> Modules,
    IReadOnlyList<RequirementThreshold> Thresholds,
    VerificationKind Verification,
    string VerificationHow,
    IReadOnlyList<string> Related,
    string? Note);
