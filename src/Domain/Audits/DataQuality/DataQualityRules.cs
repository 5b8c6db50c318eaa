namespace Portal.Domain.Audits.DataQuality;

/// <summary>
/// The thresholds of the data-quality KPIs (uptime metric v1, sections 3 and 9). Each comparison is written once here,
/// so the page, the monthly snapshot and the contract finding cannot disagree on an edge.
/// </summary>
public static class DataQualityRules
{
    /// <summary>NDW's delivery term, used where no contract covering the EVSE sets its own.</summary>
    public const int DefaultLatencySeconds = 60;

    /// <summary>One event a minute on average over a whole day; more (OVRT) means a flapping or looping feed.</summary>
    public const int MaxEventsPerDay = 1440;

    /// <summary>A t_evt this far after t_rcv is a future timestamp (FTRT, section 3.2: clamped to t_rcv in the timeline).</summary>
    public static readonly TimeSpan FutureTolerance = TimeSpan.FromMinutes(5);

    /// <summary>No event and no pull listing the EVSE's location for longer than this: stale (INAC).</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromDays(30);

    /// <summary>AVAILABLE this long (or longer) without a session while siblings have sessions: silent-failure suspicion.</summary>
    public static readonly TimeSpan SilentAfter = TimeSpan.FromDays(14);

    /// <summary>t_rcv − t_evt ≤ the latency; an event stamped after its receipt is on time here (it counts as a future timestamp instead).</summary>
    public static bool IsTimely(StatusObservation observation, int latencySeconds)
    {
        ArgumentNullException.ThrowIfNull(observation);
        return observation.ReceivedAtUtc - observation.OccurredAtUtc <= TimeSpan.FromSeconds(latencySeconds);
    }

    /// <summary>t_evt more than <see cref="FutureTolerance"/> after t_rcv (exactly 5 minutes is still accepted).</summary>
    public static bool IsFuture(StatusObservation observation)
    {
        ArgumentNullException.ThrowIfNull(observation);
        return observation.OccurredAtUtc - observation.ReceivedAtUtc > FutureTolerance;
    }

    /// <summary>The moment the timeline uses: t_evt, or t_rcv for a future timestamp.</summary>
    public static DateTime TimelineMoment(StatusObservation observation) =>
        IsFuture(observation) ? observation.ReceivedAtUtc : observation.OccurredAtUtc;

    /// <summary>
    /// Stale at <paramref name="asOfUtc"/>: the last sign of life (the last event received, or the last pull that listed
    /// the EVSE's location) is more than 30 days old, or there never was one. Exactly 30 days is not stale yet.
    /// </summary>
    public static bool IsStale(DateTime? lastEventReceivedUtc, DateTime? lastListedUtc, DateTime asOfUtc)
    {
        var last = LastSign(lastEventReceivedUtc, lastListedUtc);
        return last is null || asOfUtc - last.Value > StaleAfter;
    }

    public static DateTime? LastSign(DateTime? lastEventReceivedUtc, DateTime? lastListedUtc) =>
        (lastEventReceivedUtc, lastListedUtc) switch
        {
            (null, var listed) => listed,
            (var received, null) => received,
            ({ } received, { } listed) => received > listed ? received : listed,
        };
}
