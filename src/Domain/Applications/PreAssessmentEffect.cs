namespace Portal.Domain.Applications;

/// <summary>How a finding weighs in the advice.</summary>
public enum PreAssessmentEffect
{
    Favourable,
    Informational,
    NeedsReview,
    Unfavourable,
}
