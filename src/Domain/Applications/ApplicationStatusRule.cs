namespace Portal.Domain.Applications;

/// <summary>
/// Which status changes an application allows. Approved, referred, rejected and withdrawn are
/// final: a later change of mind is a new application (or, for a decision, an objection).
/// <code>
/// from                    | to
/// ------------------------+------------------------------------------------------------
/// Draft                   | Submitted, Withdrawn
/// Submitted               | InAssessment, Withdrawn
/// InAssessment            | WaitingForInformation, Approved, ReferredToExistingPoint, Rejected, Withdrawn
/// WaitingForInformation   | InAssessment, Withdrawn
/// Approved                | (none)
/// ReferredToExistingPoint | (none)
/// Rejected                | (none)
/// Withdrawn               | (none)
/// </code>
/// </summary>
public static class ApplicationStatusRule
{
    private static readonly Dictionary<ApplicationStatus, ApplicationStatus[]> Allowed = new()
    {
        [ApplicationStatus.Draft] = [ApplicationStatus.Submitted, ApplicationStatus.Withdrawn],
        [ApplicationStatus.Submitted] = [ApplicationStatus.InAssessment, ApplicationStatus.Withdrawn],
        [ApplicationStatus.InAssessment] =
        [
            ApplicationStatus.WaitingForInformation, ApplicationStatus.Approved, ApplicationStatus.ReferredToExistingPoint,
            ApplicationStatus.Rejected, ApplicationStatus.Withdrawn,
        ],
        [ApplicationStatus.WaitingForInformation] = [ApplicationStatus.InAssessment, ApplicationStatus.Withdrawn],
        [ApplicationStatus.Approved] = [],
        [ApplicationStatus.ReferredToExistingPoint] = [],
        [ApplicationStatus.Rejected] = [],
        [ApplicationStatus.Withdrawn] = [],
    };

    public static bool CanMove(ApplicationStatus from, ApplicationStatus to) => Allowed[from].Contains(to);

    public static IReadOnlyList<ApplicationStatus> NextFrom(ApplicationStatus from) => Allowed[from];

    /// <summary>Open: the resident can still withdraw and the application still counts in grouping and duplicate checks.</summary>
    public static bool IsOpen(ApplicationStatus status) => Allowed[status].Contains(ApplicationStatus.Withdrawn);

    /// <summary>Only these need a written reason: the resident must be told why, or what to send.</summary>
    public static bool NeedsReason(ApplicationStatus to) =>
        to is ApplicationStatus.WaitingForInformation or ApplicationStatus.ReferredToExistingPoint or ApplicationStatus.Rejected;
}
