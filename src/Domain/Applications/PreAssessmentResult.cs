using Portal.Domain.Eligibility;

namespace Portal.Domain.Applications;

/// <summary>
/// The advice, the findings behind it, the group (other open applications within the policy
/// distance, nearest first, duplicates not included) and the duplicates (same address).
/// </summary>
public sealed record PreAssessmentResult(
    PreAssessmentAdvice Advice,
    IReadOnlyList<PreAssessmentFinding> Findings,
    IReadOnlyList<NearbyApplication> Group,
    IReadOnlyList<Guid> Duplicates,
    EligibilityAssessment Eligibility);
