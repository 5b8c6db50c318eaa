namespace Portal.Domain.Installations.Maintenance;

/// <summary>One entry of an EVSE's OCPI <c>status_schedule</c>: from <see cref="BeginUtc"/> up to <see cref="EndUtc"/> (open-ended when null).</summary>
public sealed record ScheduledStatus(DateTime BeginUtc, DateTime? EndUtc, string Status);

/// <summary>How a declared window compares with the <c>status_schedule</c> the portal received for its EVSE.</summary>
public enum ScheduleMatchOutcome
{
    /// <summary>Entries that announce the EVSE out of service cover the whole window.</summary>
    Matched,

    /// <summary>Such entries cover part of the window only.</summary>
    Partly,

    /// <summary>No such entry overlaps the window (or the portal received no schedule for the EVSE).</summary>
    Missing,
}

/// <summary>
/// The rule chosen to compare a window with the schedule: only entries whose status says the EVSE will not be
/// usable count (<see cref="OutOfServiceStatuses"/>: INOPERATIVE, the status the uptime metric's E5 names, and also
/// OUTOFORDER and BLOCKED, which announce the same unavailability); together (adjacent or overlapping entries joined)
/// they must cover the window from its start to its end. An open-ended entry covers everything after its begin.
/// </summary>
public static class StatusScheduleMatch
{
    public static readonly IReadOnlySet<string> OutOfServiceStatuses = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "INOPERATIVE", "OUTOFORDER", "BLOCKED" };

    public static ScheduleMatchOutcome Compare(DateTime startsAtUtc, DateTime endsAtUtc, IEnumerable<ScheduledStatus> schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var periods = schedule
            .Where(s => OutOfServiceStatuses.Contains(s.Status) && (s.EndUtc is null || s.EndUtc > s.BeginUtc))
            .Select(s => (Begin: s.BeginUtc, End: s.EndUtc ?? DateTime.MaxValue))
            .Where(p => p.Begin < endsAtUtc && p.End > startsAtUtc)
            .OrderBy(p => p.Begin)
            .ToList();
        if (periods.Count == 0)
            return ScheduleMatchOutcome.Missing;
        // Walk from the window's start: each period must begin at or before the point covered so far.
        var coveredUpTo = startsAtUtc;
        foreach (var (begin, end) in periods)
        {
            if (begin > coveredUpTo)
                break;
            if (end > coveredUpTo)
                coveredUpTo = end;
            if (coveredUpTo >= endsAtUtc)
                return ScheduleMatchOutcome.Matched;
        }
        return ScheduleMatchOutcome.Partly;
    }
}
