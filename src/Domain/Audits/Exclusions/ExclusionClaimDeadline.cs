using Portal.Domain.Common;
using Portal.Domain.Installations;
using Portal.Domain.Terms;

namespace Portal.Domain.Audits.Exclusions;

/// <summary>
/// By when an outage may be claimed (uptime metric v1, section 5): within <see cref="WorkingDays"/> working days after
/// the period of the outage ends. The period is the Dutch calendar month in which the outage ended (an outage ending
/// exactly at midnight on the 1st belongs to the month before, the end being exclusive); working days are those of the
/// terms calendar the traffic orders use (no Saturday, Sunday or public holiday of the Algemene termijnenwet).
/// </summary>
public static class ExclusionClaimDeadline
{
    public const int WorkingDays = 10;

    /// <summary>The last Dutch day a claim for an outage ending at <paramref name="outageEndsAtUtc"/> may be filed.</summary>
    public static DateOnly For(DateTime outageEndsAtUtc, TermsCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var lastMoment = DutchCalendar.LocalTime(outageEndsAtUtc).AddTicks(-1);
        var lastDayOfMonth = new DateOnly(lastMoment.Year, lastMoment.Month, DateTime.DaysInMonth(lastMoment.Year, lastMoment.Month));
        return calendar.After(lastDayOfMonth, WorkingDays);
    }
}
