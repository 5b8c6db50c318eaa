namespace Portal.Domain.Audits.Uptime;

/// <summary>
/// When the location was open (section 6, AccessMask), from the opening_times version valid at each instant:
/// twentyfourseven (or no opening_times) is always open; regular_hours are local times in the version's time zone;
/// exceptional openings add time; exceptional closings remove time only if first seen at least the notice before
/// the closing or approved by the municipality. charging_when_closed does not widen the mask.
/// </summary>
public static class AccessMask
{
    public static IntervalSet Of(IReadOnlyList<OpeningTimesVersion> versions, long from, long to, UptimeRules rules)
    {
        ArgumentNullException.ThrowIfNull(versions);
        ArgumentNullException.ThrowIfNull(rules);
        if (versions.Count == 0)
            return IntervalSet.Of(from, to);
        var ordered = versions.OrderBy(v => v.ValidFrom).ToList();
        var mask = IntervalSet.Empty;
        for (var i = 0; i < ordered.Count; i++)
        {
            // The first version also covers the time before it: the oldest opening times the portal knows.
            var validFrom = i == 0 ? from : Math.Max(from, ordered[i].ValidFrom.ToUnixTimeSeconds());
            var validTo = i + 1 < ordered.Count ? Math.Min(to, ordered[i + 1].ValidFrom.ToUnixTimeSeconds()) : to;
            if (validTo > validFrom)
                mask = mask.Union(Open(ordered[i], validFrom, validTo, rules));
        }
        return mask;
    }

    private static IntervalSet Open(OpeningTimesVersion version, long from, long to, UptimeRules rules)
    {
        var open = version.TwentyFourSeven ? IntervalSet.Of(from, to) : RegularHours(version, from, to);
        open = open.Union(IntervalSet.Union(version.ExceptionalOpenings.Select(Seconds)));
        var announcedClosings = version.ExceptionalClosings
            .Where(c => c.ApprovedByMunicipality || c.FirstSeenAt <= c.Begin - rules.ClosingNotice)
            .Select(c => (c.Begin.ToUnixTimeSeconds(), c.End.ToUnixTimeSeconds()));
        return open.Except(IntervalSet.Union(announcedClosings)).Clip(from, to);
    }

    private static IntervalSet RegularHours(OpeningTimesVersion version, long from, long to)
    {
        var zone = LocalTime.Zone(version.TimeZoneId);
        var firstDay = LocalTime.DateOf(DateTimeOffset.FromUnixTimeSeconds(from), zone).AddDays(-1);
        var lastDay = LocalTime.DateOf(DateTimeOffset.FromUnixTimeSeconds(to), zone);
        var periods = new List<(long, long)>();
        for (var day = firstDay; day <= lastDay; day = day.AddDays(1))
        {
            var weekday = day.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)day.DayOfWeek;
            foreach (var hours in version.RegularHours.Where(h => h.Weekday == weekday))
            {
                var midnight = day.ToDateTime(TimeOnly.MinValue);
                var end = hours.End <= hours.Begin ? hours.End + TimeSpan.FromDays(1) : hours.End;
                periods.Add((LocalTime.ToUtc(midnight + hours.Begin, zone).ToUnixTimeSeconds(), LocalTime.ToUtc(midnight + end, zone).ToUnixTimeSeconds()));
            }
        }
        return IntervalSet.Union(periods).Clip(from, to);
    }

    internal static (long, long) Seconds(TimeInterval interval) => (interval.Start.ToUnixTimeSeconds(), interval.End.ToUnixTimeSeconds());
}
