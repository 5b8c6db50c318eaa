using Portal.Domain.Terms;

namespace Portal.Domain.Installations;

/// <summary>Working days as the terms calendar knows them: not a Saturday, Sunday or a public holiday of the Algemene termijnenwet.</summary>
public static class WorkingDays
{
    /// <summary>The working day that is <paramref name="count"/> working days before <paramref name="day"/> (the day itself not counted).</summary>
    public static DateOnly Before(this TermsCalendar calendar, DateOnly day, int count)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var current = day;
        for (var counted = 0; counted < count;)
        {
            current = current.AddDays(-1);
            if (!calendar.IsRestDay(current))
                counted++;
        }
        return current;
    }

    /// <summary>The working day that is <paramref name="count"/> working days after <paramref name="day"/> (the day itself not counted).</summary>
    public static DateOnly After(this TermsCalendar calendar, DateOnly day, int count)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var current = day;
        for (var counted = 0; counted < count;)
        {
            current = current.AddDays(1);
            if (!calendar.IsRestDay(current))
                counted++;
        }
        return current;
    }
}
