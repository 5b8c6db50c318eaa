namespace Portal.Domain.Terms;

/// <summary>
/// A statutory term as the law counts it, in Dutch calendar days: the first day it runs, the last day
/// the counting gives, and the last day after the Algemene termijnenwet moved it past rest days. An act
/// is in time on the last day itself and late from the next day on.
/// </summary>
public sealed record StatutoryTerm(DateOnly FirstDay, DateOnly ReckonedLastDay, DateOnly LastDay)
{
    /// <summary>A term of <paramref name="weeks"/> weeks that starts on <paramref name="firstDay"/>, moved past rest days by <paramref name="calendar"/>.</summary>
    public static StatutoryTerm OfWeeks(DateOnly firstDay, int weeks, TermsCalendar calendar)
    {
        var reckoned = firstDay.AddDays((weeks * 7) - 1);
        return new StatutoryTerm(firstDay, reckoned, calendar.LastDay(reckoned));
    }

    /// <summary>Whether the last day was moved, because the reckoned one was a Saturday, Sunday or public holiday.</summary>
    public bool WasExtended => LastDay != ReckonedLastDay;

    public bool HasStarted(DateOnly today) => today >= FirstDay;

    public bool HasLapsed(DateOnly today) => today > LastDay;

    public bool IsInTime(DateOnly day) => day <= LastDay;

    /// <summary>0 on the last day, negative once lapsed.</summary>
    public int DaysLeft(DateOnly today) => LastDay.DayNumber - today.DayNumber;
}
