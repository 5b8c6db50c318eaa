namespace Portal.Domain.Terms;

/// <summary>
/// The calendar of the Algemene termijnenwet (ATW): a statutory term that would end on a Saturday, a
/// Sunday or a public holiday runs to the next day that is none of these (art. 1). The public holidays
/// are those the act names (art. 3(1)), Good Friday (art. 3(2)) and the days a royal decree equated with
/// them (art. 3(3)); this is the law's list, not the general Dutch holiday calendar (Good Friday counts,
/// carnival does not).
/// </summary>
public sealed class TermsCalendar
{
    private readonly HashSet<DateOnly> _equated;

    public TermsCalendar(IEnumerable<DateOnly> equatedDays) => _equated = [.. equatedDays];

    /// <summary>The calendar with the days of every decree the portal knows (<see cref="EquatedDays.ByKnownDecrees"/>).</summary>
    public static TermsCalendar Default { get; } = new(EquatedDays.ByKnownDecrees);

    /// <summary>This calendar with more equated days, from a decree newer than the portal's release.</summary>
    public TermsCalendar With(IEnumerable<DateOnly> moreEquatedDays) => new(_equated.Concat(moreEquatedDays));

    /// <summary>Why <paramref name="day"/> cannot be the last day of a term, or null when it can.</summary>
    public RestDay? RestDayOf(DateOnly day)
    {
        if (Holiday(day) is { } holiday)
            return holiday;
        if (_equated.Contains(day))
            return RestDay.EquatedByDecree;
        return day.DayOfWeek switch
        {
            DayOfWeek.Saturday => RestDay.Saturday,
            DayOfWeek.Sunday => RestDay.Sunday,
            _ => null,
        };
    }

    public bool IsRestDay(DateOnly day) => RestDayOf(day) is not null;

    /// <summary>The day a term whose reckoned end is <paramref name="reckonedLastDay"/> really ends (ATW art. 1).</summary>
    public DateOnly LastDay(DateOnly reckonedLastDay)
    {
        var day = reckonedLastDay;
        while (IsRestDay(day))
            day = day.AddDays(1);
        return day;
    }

    /// <summary>
    /// The day the King's (until 2013 the Queen's) birthday is celebrated: since 2014 27 April, or Saturday
    /// 26 April when the 27th is a Sunday; before that 30 April, or Saturday 29 April when the 30th was a Sunday.
    /// </summary>
    public static DateOnly KingsDay(int year)
    {
        var birthday = year >= 2014 ? new DateOnly(year, 4, 27) : new DateOnly(year, 4, 30);
        return birthday.DayOfWeek == DayOfWeek.Sunday ? birthday.AddDays(-1) : birthday;
    }

    private static RestDay? Holiday(DateOnly day)
    {
        switch (day.Month, day.Day)
        {
            case (1, 1): return RestDay.NewYearsDay;
            case (5, 5): return RestDay.LiberationDay;
            case (12, 25): return RestDay.ChristmasDay;
            case (12, 26): return RestDay.BoxingDay;
        }
        if (day == KingsDay(day.Year))
            return RestDay.KingsDay;

        var easter = Easter.Sunday(day.Year);
        return (day.DayNumber - easter.DayNumber) switch
        {
            -2 => RestDay.GoodFriday,
            1 => RestDay.EasterMonday,
            39 => RestDay.AscensionDay,
            50 => RestDay.WhitMonday,
            _ => null,
        };
    }
}
