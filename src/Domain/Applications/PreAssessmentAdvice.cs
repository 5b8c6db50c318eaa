namespace Portal.Domain.Applications;

/// <summary>The pre-assessment's advice to the officer; the officer decides.</summary>
public enum PreAssessmentAdvice
{
    /// <summary>Every policy criterion that can be checked automatically is met.</summary>
    LikelyApprove,

    /// <summary>Something needs a person: usage unknown, nearby applications to group, a possible duplicate.</summary>
    NeedsOfficerReview,

    /// <summary>A policy criterion is not met (a charge point with room nearby, private parking, no permit in a permit zone).</summary>
    LikelyReferOrReject,
}
