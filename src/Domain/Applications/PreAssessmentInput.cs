using Portal.Domain.Eligibility;
using Portal.Domain.Geography;

namespace Portal.Domain.Applications;

/// <summary>
/// Everything the pre-assessment looks at, gathered by the caller; the assessment itself reads
/// nothing. Nearby charge points include planned ones; open applications are the municipality's
/// others (the application itself is ignored if present).
/// </summary>
public sealed record PreAssessmentInput(
    Guid ApplicationId,
    Coordinate Point,
    ApplicationAddress Address,
    ApplicantDeclarations Declarations,
    IReadOnlyList<NearbyChargePoint> NearbyChargePoints,
    IReadOnlyList<OpenApplication> OpenApplications,
    IReadOnlyList<PermitZone> PermitZones);
