using Portal.Domain.Common;

namespace Portal.Domain.Audits.DataQuality;

/// <summary>A calendar month in Dutch time, as the UTC interval [start, end) the KPIs are computed over.</summary>
public sealed record DataQualityPeriod(DateOnly FirstDay, DateTime StartUtc, DateTime EndUtc)
{
    public static DataQualityPeriod Month(int year, int month)
    {
        var first = new DateOnly(year, month, 1);
        return new DataQualityPeriod(first, StartOfDutchDay(first), StartOfDutchDay(first.AddMonths(1)));
    }

    /// <summary>The last calendar month that is over at <paramref name="nowUtc"/> (Dutch time).</summary>
    public static DataQualityPeriod LastFullMonth(DateTime nowUtc)
    {
        var previous = DutchCalendar.Day(nowUtc).AddMonths(-1);
        return Month(previous.Year, previous.Month);
    }

    /// <summary>The Dutch day's midnight as a UTC moment (23:00 or 22:00 UTC the day before).</summary>
    public static DateTime StartOfDutchDay(DateOnly day) =>
        DutchCalendar.Utc(day, TimeOnly.MinValue);

    /// <summary>The day after the period, on which it is over.</summary>
    public DateOnly EndsBefore => FirstDay.AddMonths(1);

    public DateOnly LastDay => EndsBefore.AddDays(-1);

    public bool IsOverAt(DateTime nowUtc) => nowUtc >= EndUtc;
}
