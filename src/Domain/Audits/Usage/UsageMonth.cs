using System.Globalization;
using Portal.Domain.Common;

namespace Portal.Domain.Audits.Usage;

/// <summary>
/// A calendar month as the municipality lives it: from midnight on the 1st to midnight on the 1st of the next month,
/// Europe/Amsterdam local time. Its length is the real one (743 hours in March, 745 in October).
/// </summary>
public readonly record struct UsageMonth(int Year, int Month) : IComparable<UsageMonth>
{
    public DateTime StartUtc => LocalMidnightUtc(Year, Month);

    public DateTime EndUtc => Next().StartUtc;

    public double Hours => (EndUtc - StartUtc).TotalHours;

    public UsageMonth Next() => Month == 12 ? new UsageMonth(Year + 1, 1) : new UsageMonth(Year, Month + 1);

    public UsageMonth Previous() => Month == 1 ? new UsageMonth(Year - 1, 12) : new UsageMonth(Year, Month - 1);

    public UsageMonth Plus(int months)
    {
        var index = Year * 12 + (Month - 1) + months;
        return new UsageMonth(index / 12, index % 12 + 1);
    }

    /// <summary>The month an instant falls in, in Amsterdam.</summary>
    public static UsageMonth Of(DateTime utc)
    {
        var local = DutchCalendar.LocalTime(utc);
        return new UsageMonth(local.Year, local.Month);
    }

    /// <summary>The last month that has fully passed at <paramref name="nowUtc"/>: the report's default.</summary>
    public static UsageMonth LastFull(DateTime nowUtc) => Of(nowUtc).Previous();

    /// <summary>"2026-03"; null for anything else.</summary>
    public static UsageMonth? Parse(string? text) =>
        DateTime.TryParseExact(text?.Trim(), "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? new UsageMonth(day.Year, day.Month)
            : null;

    public int CompareTo(UsageMonth other) => (Year * 12 + Month).CompareTo(other.Year * 12 + other.Month);

    public static bool operator <(UsageMonth a, UsageMonth b) => a.CompareTo(b) < 0;

    public static bool operator >(UsageMonth a, UsageMonth b) => a.CompareTo(b) > 0;

    public static bool operator <=(UsageMonth a, UsageMonth b) => a.CompareTo(b) <= 0;

    public static bool operator >=(UsageMonth a, UsageMonth b) => a.CompareTo(b) >= 0;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:0000}-{Month:00}");

    private static DateTime LocalMidnightUtc(int year, int month) =>
        DutchCalendar.Utc(new DateOnly(year, month, 1), TimeOnly.MinValue);
}
