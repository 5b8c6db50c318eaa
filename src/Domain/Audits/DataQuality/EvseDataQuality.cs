using Portal.Domain.Common;

namespace Portal.Domain.Audits.DataQuality;

/// <summary>
/// What one EVSE's data did in a period, KPI by KPI (staleness is judged apart, by <see cref="DataQualityRules.IsStale"/>);
/// SilentSinceUtc is the start of the AVAILABLE stretch that raised the silent-failure suspicion, if any.
/// </summary>
public sealed record EvseQuality(
    int Events,
    int TimelyEvents,
    int FutureEvents,
    int DuplicateEvents,
    int OverloadedDays,
    int ChargingWithoutSession,
    int SessionsWithoutCharging,
    DateTime? SilentSinceUtc)
{
    public bool Late => TimelyEvents < Events;

    public bool SilentFailureSuspected => SilentSinceUtc is not null;

    public bool Inconsistent => FutureEvents + DuplicateEvents + OverloadedDays + ChargingWithoutSession + SessionsWithoutCharging > 0;
}

/// <summary>
/// The data-quality KPIs of section 9 for one EVSE and period, from its status events and sessions. The timeline is the
/// metric's (section 3): events ordered by t_evt (ties by t_rcv), a future t_evt clamped to t_rcv, a status holding until
/// the next event, duplicates counted once. Interpretations (see docs/decisions): a CHARGING stretch counts against OCCT
/// in the period it starts in, a session against SEST in the period it starts in; both look at overlap in time, so a
/// session that started before the period still covers CHARGING inside it.
/// </summary>
public static class EvseDataQuality
{
    public const string Charging = "CHARGING", Available = "AVAILABLE";

    /// <summary>The KPIs of one EVSE; for a period still running, pass now as <paramref name="asOfUtc"/>: the last status holds until the earlier of it and the period's end.</summary>
    public static EvseQuality Assess(DataQualityPeriod period, EvseHistory history, DateTime asOfUtc)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(history);
        var events = history.Events;
        var until = asOfUtc < period.EndUtc ? asOfUtc : period.EndUtc;

        var duplicates = events.GroupBy(e => (e.Status, e.OccurredAtUtc)).Sum(g => g.Count() - 1);
        var overloadedDays = events.GroupBy(e => DutchCalendar.Day(e.OccurredAtUtc)).Count(g => g.Count() > DataQualityRules.MaxEventsPerDay);

        var stretches = Stretches(history.CarriedIn, events, until);
        var charging = stretches.Where(s => s.Status == Charging).ToList();
        var chargingWithoutSession = charging.Count(s => s.From >= period.StartUtc
            && !history.Sessions.Any(session => session.Overlaps(s.From, s.Until, until)));
        var sessionsWithoutCharging = history.Sessions.Count(session => session.StartUtc >= period.StartUtc && session.StartUtc < period.EndUtc
            && !charging.Any(s => session.Overlaps(s.From, s.Until, until)));

        var silent = stretches.FirstOrDefault(s => s.Status == Available && s.Until > period.StartUtc
            && s.Until - s.From >= DataQualityRules.SilentAfter
            && !history.Sessions.Any(session => session.Overlaps(s.From, s.Until, until))
            && history.SiblingSessions.Any(session => session.Overlaps(s.From, s.Until, until)));

        return new EvseQuality(
            events.Count,
            events.Count(e => DataQualityRules.IsTimely(e, history.LatencySeconds)),
            events.Count(DataQualityRules.IsFuture),
            duplicates,
            overloadedDays,
            chargingWithoutSession,
            sessionsWithoutCharging,
            silent?.From);
    }

    /// <summary>The piecewise-constant timeline: one stretch per run of the same status, the last one ending at <paramref name="until"/>.</summary>
    private static List<Stretch> Stretches(StatusObservation? carriedIn, IReadOnlyList<StatusObservation> events, DateTime until)
    {
        var ordered = events
            .GroupBy(e => (e.Status, e.OccurredAtUtc)).Select(g => g.MinBy(e => e.ReceivedAtUtc)!)
            .Select(e => (e.Status, At: DataQualityRules.TimelineMoment(e), e.ReceivedAtUtc))
            .OrderBy(e => e.At).ThenBy(e => e.ReceivedAtUtc)
            .ToList();
        if (carriedIn is not null)
            ordered.Insert(0, (carriedIn.Status, DataQualityRules.TimelineMoment(carriedIn), carriedIn.ReceivedAtUtc));

        var stretches = new List<Stretch>();
        foreach (var (status, at, _) in ordered)
        {
            if (stretches.Count > 0 && stretches[^1].Status == status)
                continue;
            if (stretches.Count > 0)
                stretches[^1] = stretches[^1] with { Until = at };
            stretches.Add(new Stretch(status, at, until));
        }
        return stretches;
    }

    private sealed record Stretch(string Status, DateTime From, DateTime Until);
}
