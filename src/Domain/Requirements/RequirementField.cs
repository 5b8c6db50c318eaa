namespace Portal.Domain.Requirements;

/// <summary>The parts of a requirement a newer catalogue can change.</summary>
public enum RequirementField
{
    SeedId,
    Section,
    SeedHeading,
    Summary,
    AppliesTo,
    Standards,
    Modules,
    Thresholds,
    Verification,
    VerificationHow,
    Related,
    Note,
}
