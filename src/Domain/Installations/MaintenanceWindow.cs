using Portal.Domain.Common;
using Portal.Domain.Terms;

namespace Portal.Domain.Installations;

/// <summary>
/// A window of planned maintenance a CPO declares for an EVSE. Announced at least
/// <see cref="MinimumWorkingDaysNotice"/> working days before it starts (uptime metric, exclusion E5), it is
/// the evidence for excluding that time; announced later it is recorded but does not qualify. Counted as:
/// the announcement's Dutch day is on or before the 5th working day before the start's Dutch day.
/// </summary>
public sealed record MaintenanceWindow
{
    public const int MinimumWorkingDaysNotice = 5;
    public const int MaxReasonLength = 500;

    public MaintenanceWindow(string evseUid, DateTime startsAtUtc, DateTime endsAtUtc, string? reason, DateTime announcedAtUtc)
    {
        if (string.IsNullOrWhiteSpace(evseUid))
            throw new ArgumentException("A window is declared for an EVSE.", nameof(evseUid));
        if (endsAtUtc <= startsAtUtc)
            throw new DomainRuleViolated(DomainRule.MaintenanceWindowReversed, "A maintenance window ends after it starts.");
        if (string.IsNullOrWhiteSpace(reason))
            throw new DomainRuleViolated(DomainRule.InstallationReasonMissing, "Give the reason.");
        if (reason.Trim().Length > MaxReasonLength)
            throw new DomainRuleViolated(DomainRule.InstallationTextTooLong, $"At most {MaxReasonLength} characters.", MaxReasonLength);
        EvseUid = evseUid.Trim();
        StartsAtUtc = startsAtUtc;
        EndsAtUtc = endsAtUtc;
        Reason = reason.Trim();
        AnnouncedAtUtc = announcedAtUtc;
    }

    public string EvseUid { get; }
    public DateTime StartsAtUtc { get; }
    public DateTime EndsAtUtc { get; }
    public string Reason { get; }
    public DateTime AnnouncedAtUtc { get; }

    /// <summary>The last Dutch day on which announcing this window still qualifies it.</summary>
    public DateOnly LastDayToAnnounce(TermsCalendar calendar) => calendar.Before(DutchCalendar.Day(StartsAtUtc), MinimumWorkingDaysNotice);

    public bool Qualifies(TermsCalendar calendar) => DutchCalendar.Day(AnnouncedAtUtc) <= LastDayToAnnounce(calendar);
}
