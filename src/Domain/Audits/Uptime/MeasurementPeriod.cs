namespace Portal.Domain.Audits.Uptime;

/// <summary>
/// The period a figure covers, as UTC instants [Start, End). Calendar periods start and end at local midnight in the
/// location's time zone, so a month over a daylight-saving change is an hour shorter or longer (March 2026 in
/// Amsterdam: 743 hours, October: 745).
/// </summary>
public sealed record MeasurementPeriod(DateTimeOffset Start, DateTimeOffset End, PeriodKind Kind)
{
    public static MeasurementPeriod CalendarMonth(int year, int month, TimeZoneInfo zone)
    {
        var first = new DateOnly(year, month, 1);
        return new(LocalTime.StartOfDay(first, zone), LocalTime.StartOfDay(first.AddMonths(1), zone), PeriodKind.Month);
    }

    /// <summary>Twelve months from <paramref name="firstDay"/> (a contract year, or a rolling 12 months ending before the next month).</summary>
    public static MeasurementPeriod TwelveMonths(DateOnly firstDay, TimeZoneInfo zone) =>
        new(LocalTime.StartOfDay(firstDay, zone), LocalTime.StartOfDay(firstDay.AddYears(1), zone), PeriodKind.Year);

    public TimeSpan Length => End - Start;
}

/// <summary>Local wall-clock time to UTC in a time zone, with one rule for the hours daylight saving skips or repeats.</summary>
public static class LocalTime
{
    public static TimeZoneInfo Zone(string ianaId) => TimeZoneInfo.FindSystemTimeZoneById(ianaId);

    public static DateTimeOffset StartOfDay(DateOnly day, TimeZoneInfo zone) => ToUtc(day.ToDateTime(TimeOnly.MinValue), zone);

    /// <summary>
    /// A skipped local time (02:30 on the last Sunday of March in Amsterdam) is read as the first instant after the
    /// gap; a repeated one (02:30 on the last Sunday of October) as its first occurrence, in daylight time.
    /// </summary>
    public static DateTimeOffset ToUtc(DateTime local, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var wallClock = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(wallClock))
            return FirstValidAfter(wallClock, zone);
        var offset = zone.IsAmbiguousTime(wallClock) ? zone.GetAmbiguousTimeOffsets(wallClock).Max() : zone.GetUtcOffset(wallClock);
        return new DateTimeOffset(wallClock, offset).ToUniversalTime();
    }

    private static DateTimeOffset FirstValidAfter(DateTime wallClock, TimeZoneInfo zone)
    {
        // The gap is at most a few hours; step by minutes to its end (local times on whole minutes in practice).
        var candidate = new DateTime(wallClock.Ticks - (wallClock.Ticks % TimeSpan.TicksPerMinute), DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(candidate))
            candidate = candidate.AddMinutes(1);
        return new DateTimeOffset(candidate, zone.GetUtcOffset(candidate)).ToUniversalTime();
    }

    public static DateOnly DateOf(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
}
