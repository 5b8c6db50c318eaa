namespace Portal.Domain.Common;

/// <summary>
/// Legal terms count in calendar days as they are in the Netherlands, whatever time zone the server
/// runs in: an application received at 00:30 in Arnhem (22:30 or 23:30 UTC the evening before) was
/// received on the Dutch day, and its term counts from there.
/// </summary>
public static class DutchCalendar
{
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    /// <summary>The Dutch calendar day of a UTC moment, given as that day's midnight with Kind Utc: a label for the day, not a moment.</summary>
    public static DateTime DayOf(DateTime utc) =>
        DateTime.SpecifyKind(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Amsterdam).Date, DateTimeKind.Utc);
}
