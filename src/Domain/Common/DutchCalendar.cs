namespace Portal.Domain.Common;

/// <summary>
/// Dutch time, the one place the portal knows it: legal terms count in calendar days as they are in the
/// Netherlands, whatever time zone the server runs in (an application received at 00:30 in Arnhem,
/// 22:30 or 23:30 UTC the evening before, was received on the Dutch day), pages show Dutch clocks, and
/// daily jobs run on Dutch time.
/// </summary>
public static class DutchCalendar
{
    public static readonly TimeZoneInfo TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    /// <summary>What Dutch clocks showed at a UTC moment.</summary>
    public static DateTime LocalTime(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), TimeZone);

    /// <summary>The Dutch calendar day of a UTC moment, given as that day's midnight with Kind Utc: a label for the day, not a moment.</summary>
    public static DateTime DayOf(DateTime utc) => DateTime.SpecifyKind(LocalTime(utc).Date, DateTimeKind.Utc);

    /// <summary>The Dutch calendar day of a UTC moment, as a date: the day legal terms count in.</summary>
    public static DateOnly Day(DateTime utc) => DateOnly.FromDateTime(LocalTime(utc));

    /// <summary>The UTC moment at which Dutch clocks show <paramref name="time"/> on <paramref name="day"/>.</summary>
    public static DateTime Utc(DateOnly day, TimeOnly time) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(time, DateTimeKind.Unspecified), TimeZone);
}
