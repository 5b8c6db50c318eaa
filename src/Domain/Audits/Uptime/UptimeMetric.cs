using Portal.Domain.ChargePoints;
using Portal.Domain.Installations;
using Portal.Domain.Terms;

namespace Portal.Domain.Audits.Uptime;

/// <summary>
/// The uptime and connectivity metric v1 (docs: uptime-metric.md, sections 3-6) for one EVSE and one period. Pure:
/// everything it knows comes in through <see cref="EvseUptimeInput"/>, so a run can stream EVSE by EVSE and a
/// recomputation from the same input gives the same figures to the second. Interpretations of the text are recorded
/// in docs/decisions/0001-uptime-metric-v1.md.
/// </summary>
public sealed class UptimeMetric(TermsCalendar calendar)
{
    public const string Version = "v1";

    public UptimeMetric()
        : this(TermsCalendar.Default)
    {
    }

    public EvseUptimeResult Compute(EvseUptimeInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var m = Measure(input);
        var seconds = new UptimeSeconds(
            S: m.Mask.Length,
            S24: m.Scope.Length,
            U: m.Unmeasured.Intersect(m.Mask).Length,
            U24: m.Unmeasured.Length,
            D: m.Down.Intersect(m.Mask).Length,
            X: m.Exclusions.Availability.Length,
            Dc: m.Disconnected.Length,
            Xc: m.Exclusions.Connectivity.Length);
        var rules = input.Rules;
        var availabilityThreshold = input.Terms.AvailabilityPercentPerYear / 100m;
        var connectivityThreshold = input.Terms.ConnectivityPercentPerMonth / 100m;
        var minimumExposure = (long)(input.Period.Kind == PeriodKind.Month ? rules.MinimumExposureMonth : rules.MinimumExposureYear).TotalSeconds;
        var availability = Ratio(seconds.S - seconds.U - seconds.D, seconds.S - seconds.U - seconds.X);
        var connectivity = Ratio(seconds.S24 - seconds.U24 - seconds.Dc, seconds.S24 - seconds.U24 - seconds.Xc);
        var coverage = Ratio(seconds.S - seconds.U, seconds.S);
        var coverage24 = Ratio(seconds.S24 - seconds.U24, seconds.S24);

        return new EvseUptimeResult
        {
            Evse = input.Evse,
            Period = input.Period,
            Fingerprint = UptimeFingerprint.Of(input),
            Seconds = seconds,
            Availability = availability,
            NeviUptime = Ratio(seconds.S - seconds.U - (seconds.D - seconds.X), seconds.S - seconds.U),
            Connectivity = connectivity,
            Coverage = coverage,
            Coverage24 = coverage24,
            AvailabilityThreshold = availabilityThreshold,
            ConnectivityThreshold = connectivityThreshold,
            AvailabilityVerdict = Verdict(availability, availabilityThreshold, seconds.S, coverage, minimumExposure, rules),
            ConnectivityVerdict = Verdict(connectivity, connectivityThreshold, seconds.S24, coverage24, minimumExposure, rules),
            ConnectivityTier = input.ConnectivityLogOffline is null ? EvidenceTier.B : EvidenceTier.A,
            Outages = Register(m.Down, m.Mask, m.Exclusions, m.Timeline, m.FeedDown, m.ScopeEnd),
            Exclusions = m.Exclusions.Outcomes,
            Flags = m.Flags with { BlockedOverFlagLimit = m.Timeline.Segments(m.ScopeStart, m.ScopeEnd).Any(s => s.Status == EvseStatus.Blocked && s.End - s.Start > rules.BlockedFlagAfter.TotalSeconds) },
            PlannedMaintenanceExcluded = TimeSpan.FromSeconds(m.Exclusions.PlannedMaintenance),
        };
    }

    /// <summary>Group figures (section 8) for the EVSEs of one simultaneity group: the unit is DOWN only while every member in scope is DOWN.</summary>
    public PhysicalUnitUptime ComputePhysicalUnit(string simultaneityGroup, IReadOnlyList<EvseUptimeInput> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        var measured = members.Select(Measure).ToList();
        var scope = measured.Aggregate(IntervalSet.Empty, (all, m) => all.Union(m.Scope));
        var mask = measured.Aggregate(IntervalSet.Empty, (all, m) => all.Union(m.Mask));
        var unmeasured = measured.Aggregate(IntervalSet.Empty, (all, m) => all.Union(m.Unmeasured));
        IntervalSet allDown = scope, allExcluded = scope;
        foreach (var m in measured)
        {
            var outOfScope = scope.Except(m.Scope);
            allDown = allDown.Intersect(m.Down.Union(outOfScope));
            allExcluded = allExcluded.Intersect(m.Exclusions.Availability.Union(outOfScope));
        }
        var down = allDown.Except(unmeasured).Intersect(mask);
        long s = mask.Length, u = unmeasured.Intersect(mask).Length, d = down.Length, x = allExcluded.Intersect(down).Length;
        return new PhysicalUnitUptime(simultaneityGroup, [.. members.Select(m => m.Evse)], s, u, d, x, Ratio(s - u - d, s - u - x));
    }

    private sealed record Measurement(
        IntervalSet Scope, long ScopeStart, long ScopeEnd, IntervalSet Unmeasured, IntervalSet Mask, IntervalSet Down, IntervalSet Disconnected,
        IntervalSet FeedDown, StatusTimeline Timeline, TimelineFlags Flags, Exclusions Exclusions);

    /// <summary>The sets of sections 3-5 for one EVSE: scope, unmeasured, access mask, debounced DOWN (all hours), disconnected, exclusions.</summary>
    private Measurement Measure(EvseUptimeInput input)
    {
        var rules = input.Rules;
        var zone = LocalTime.Zone(input.TimeZoneId);

        var periodStart = input.Period.Start.ToUnixTimeSeconds();
        var periodEnd = input.Period.End.ToUnixTimeSeconds();
        var scopeStart = Math.Max(periodStart, LocalTime.StartOfDay(input.Scope.GoLive, zone).ToUnixTimeSeconds());
        var scopeEnd = input.Scope.Decommission is { } gone ? Math.Min(periodEnd, LocalTime.StartOfDay(gone, zone).ToUnixTimeSeconds()) : periodEnd;
        var scope = IntervalSet.Of(scopeStart, scopeEnd);

        var (events, flags) = Prepare(input.Events, rules, input.Recomputation);
        var timeline = new StatusTimeline(events);

        // Feed liveness (3.4): alive for the liveness window after each successful pull and each received push.
        var liveness = (long)rules.FeedLiveness.TotalSeconds;
        var confirmations = new long[input.FeedConfirmations.Count + input.Events.Count];
        for (var i = 0; i < input.FeedConfirmations.Count; i++)
            confirmations[i] = input.FeedConfirmations[i].ToUnixTimeSeconds();
        for (var i = 0; i < input.Events.Count; i++)
            confirmations[input.FeedConfirmations.Count + i] = input.Events[i].ReceivedAt.ToUnixTimeSeconds();
        var feedDown = scope.Except(IntervalSet.AfterInstants(confirmations, liveness));

        var portalOutages = IntervalSet.Union(input.Unmeasured.Where(u => u.Cause == UnmeasuredCause.PortalOutage).Select(u => (u.Start.ToUnixTimeSeconds(), u.End.ToUnixTimeSeconds())));
        var probeFailures = IntervalSet.Union(input.Unmeasured.Where(u => u.Cause == UnmeasuredCause.ControlProbeFailed).Select(u => (u.Start.ToUnixTimeSeconds(), u.End.ToUnixTimeSeconds())));
        var unmeasured = scope.Intersect(portalOutages.Union(feedDown.Intersect(probeFailures)));
        var measured = scope.Except(unmeasured);

        // R2 (section 4): a sibling CHARGING or RESERVED makes an INOPERATIVE EVSE of its group UP.
        var occupied = IntervalSet.Empty;
        foreach (var sibling in input.Siblings)
            occupied = occupied.Union(new StatusTimeline(Prepare(sibling.Events, rules, input.Recomputation).Events).Where(EvseStatusClassification.OccupiesOutlet, scopeStart, scopeEnd));
        var noData = timeline.NoData(scopeStart, scopeEnd);
        var statusDown = noData
            .Union(timeline.Where(s => !s.IsUp() && s != EvseStatus.Inoperative, scopeStart, scopeEnd))
            .Union(timeline.Where(s => s == EvseStatus.Inoperative, scopeStart, scopeEnd).Except(occupied));
        var rawDown = measured.Intersect(feedDown.Union(statusDown));
        var down = Debounce(rawDown, measured.Except(rawDown), (long)rules.Debounce.TotalSeconds);

        var mask = AccessMask.Of(input.OpeningTimes, scopeStart, scopeEnd, rules).Intersect(scope);
        var countedDown = down.Intersect(mask);

        // R1: UNKNOWN, no data, PLANNED/REMOVED in scope, a silent feed, and tier A's offline intervals.
        var offline = input.ConnectivityLogOffline is { } log ? IntervalSet.Union(log.Select(AccessMask.Seconds)) : IntervalSet.Empty;
        var disconnected = measured.Intersect(feedDown.Union(noData).Union(timeline.Where(s => !s.IsConnected(), scopeStart, scopeEnd)).Union(offline));

        var inoperative = timeline.Where(s => s == EvseStatus.Inoperative, scopeStart, scopeEnd).Except(feedDown);
        var exclusions = Exclude(input, zone, countedDown, disconnected, inoperative);

        return new Measurement(scope, scopeStart, scopeEnd, unmeasured, mask, down, disconnected, feedDown, timeline, flags, exclusions);
    }

    /// <summary>Section 3.2 and 3.3: clamp future t_evt to t_rcv, count late events, hold back very late ones outside a recomputation.</summary>
    private static (List<TimelineEvent> Events, TimelineFlags Flags) Prepare(IReadOnlyList<StatusEvent> input, UptimeRules rules, bool recomputation)
    {
        var events = new List<TimelineEvent>(input.Count);
        int clamped = 0, late = 0;
        var veryLate = new List<StatusEvent>();
        var unrecognised = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var e in input)
        {
            var occurred = e.OccurredAt;
            if (occurred > e.ReceivedAt + rules.FutureTolerance)
            {
                occurred = e.ReceivedAt;
                clamped++;
            }
            var delay = e.ReceivedAt - occurred;
            if (delay > rules.LateAfter)
                late++;
            if (delay > rules.VeryLateAfter)
            {
                veryLate.Add(e);
                if (!recomputation)
                    continue;
            }
            if (!EvseStatusNames.TryParse(e.Status, out var status))
                unrecognised.Add(e.Status);
            events.Add(new TimelineEvent(occurred.ToUnixTimeSeconds(), e.ReceivedAt.ToUnixTimeSeconds(), status, e.Status));
        }
        return (events, new TimelineFlags(input.Count, clamped, late, veryLate, recomputation, false, [.. unrecognised]));
    }

    /// <summary>Section 4: DOWN intervals separated by UP shorter than the debounce become one outage, the short UP included.</summary>
    private static IntervalSet Debounce(IntervalSet down, IntervalSet up, long debounce)
    {
        var builder = new IntervalSet.Builder(down.Count);
        long? start = null, end = null;
        foreach (var (s, e) in down.Intervals)
        {
            if (end is { } previousEnd && s - previousEnd < debounce && up.Clip(previousEnd, s).Length == s - previousEnd)
            {
                end = e;
                continue;
            }
            if (start is { } open)
                builder.Add(open, end!.Value);
            (start, end) = (s, e);
        }
        if (start is { } last)
            builder.Add(last, end!.Value);
        return builder.Build();
    }

    private sealed record Exclusions(IntervalSet Availability, IntervalSet Connectivity, IReadOnlyList<ExclusionOutcome> Outcomes, IReadOnlyDictionary<string, IntervalSet> PerClaim, long PlannedMaintenance);

    /// <summary>Section 5: each approved claim, in time order, takes out the DOWN time its category and caps allow; a second is excluded once.</summary>
    private Exclusions Exclude(EvseUptimeInput input, TimeZoneInfo zone, IntervalSet countedDown, IntervalSet disconnected, IntervalSet inoperative)
    {
        var rules = input.Rules;
        var excluded = IntervalSet.Empty;
        var excludedConnectivity = IntervalSet.Empty;
        var outcomes = new List<ExclusionOutcome>();
        var perClaim = new Dictionary<string, IntervalSet>(StringComparer.Ordinal);
        var yearLeft = (long)(rules.PlannedMaintenanceMaxPerYear - input.PlannedMaintenanceExcludedEarlierInYear).TotalSeconds;
        long plannedMaintenance = 0;
        var perEventUsed = new Dictionary<DateTimeOffset, long>();
        var incidentStarts = input.Exclusions
            .Where(c => c.Category == ExclusionCategory.ThirdPartyDamage)
            .GroupBy(c => c.IncidentReference ?? c.ClaimId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Min(c => c.Interval.Start), StringComparer.Ordinal);

        foreach (var claim in input.Exclusions.OrderBy(c => c.Interval.Start).ThenBy(c => c.ClaimId, StringComparer.Ordinal))
        {
            var start = claim.Interval.Start.ToUnixTimeSeconds();
            var end = claim.Interval.End.ToUnixTimeSeconds();
            var limit = ExclusionLimit.None;
            IntervalSet window;
            switch (claim.Category)
            {
                case ExclusionCategory.GridSupplyInterruption:
                    var graceEnd = ((claim.SupplyRestoredAt ?? claim.Interval.End) + rules.GridRebootGrace).ToUnixTimeSeconds();
                    limit = graceEnd < end ? ExclusionLimit.RebootGraceEnded : limit;
                    window = IntervalSet.Of(start, Math.Min(end, graceEnd));
                    break;
                case ExclusionCategory.ThirdPartyDamage when !input.Terms.AvailabilityExcludesExogenousDamage:
                    limit = ExclusionLimit.ContractCountsExogenousDamage;
                    window = IntervalSet.Empty;
                    break;
                case ExclusionCategory.ThirdPartyDamage:
                    var incidentStart = incidentStarts[claim.IncidentReference ?? claim.ClaimId];
                    var local = TimeZoneInfo.ConvertTime(incidentStart, zone).DateTime;
                    var capEnd = LocalTime.ToUtc(local.AddDays(rules.ThirdPartyDamageMaxCalendarDays), zone).ToUnixTimeSeconds();
                    limit = capEnd < end ? ExclusionLimit.TenCalendarDaysPerIncident : limit;
                    window = IntervalSet.Of(start, Math.Min(end, capEnd));
                    break;
                case ExclusionCategory.PlannedMaintenance:
                    (window, limit) = PlannedWindow(claim, zone, rules, inoperative, start, end);
                    break;
                case ExclusionCategory.ForceMajeure:
                case ExclusionCategory.AuthorityOrderedWorks:
                    window = IntervalSet.Of(start, end);
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(input), claim.Category, null);
            }

            var taken = window.Intersect(countedDown).Except(excluded);
            if (claim.Category == ExclusionCategory.PlannedMaintenance && claim.Schedule is { } schedule && !taken.IsEmpty)
            {
                var eventLeft = (long)rules.PlannedMaintenanceMaxPerEvent.TotalSeconds - perEventUsed.GetValueOrDefault(schedule.Begin);
                var allowed = Math.Max(0, Math.Min(eventLeft, yearLeft));
                if (taken.Length > allowed)
                {
                    limit = eventLeft <= yearLeft ? ExclusionLimit.EightHoursPerEvent : ExclusionLimit.SeventyTwoHoursPerYear;
                    taken = taken.TakeFirst(allowed);
                }
                perEventUsed[schedule.Begin] = perEventUsed.GetValueOrDefault(schedule.Begin) + taken.Length;
                yearLeft -= taken.Length;
                plannedMaintenance += taken.Length;
            }
            excluded = excluded.Union(taken);
            perClaim[claim.ClaimId] = taken;

            var takenConnectivity = IntervalSet.Empty;
            if (claim.Category is ExclusionCategory.GridSupplyInterruption or ExclusionCategory.ForceMajeure or ExclusionCategory.AuthorityOrderedWorks)
            {
                takenConnectivity = window.Intersect(disconnected).Except(excludedConnectivity);
                excludedConnectivity = excludedConnectivity.Union(takenConnectivity);
            }
            outcomes.Add(new ExclusionOutcome(claim.ClaimId, claim.Category, taken.Length, takenConnectivity.Length, limit));
        }
        return new Exclusions(excluded, excludedConnectivity, outcomes, perClaim, plannedMaintenance);
    }

    /// <summary>E5: only time the EVSE was INOPERATIVE inside an INOPERATIVE status_schedule entry first seen at least 5 working days before it began.</summary>
    private (IntervalSet Window, ExclusionLimit Limit) PlannedWindow(ApprovedExclusion claim, TimeZoneInfo zone, UptimeRules rules, IntervalSet inoperative, long start, long end)
    {
        if (claim.Schedule is not { } schedule)
            return (IntervalSet.Empty, ExclusionLimit.PlannedMaintenanceNotAnnouncedInTime);
        if (EvseStatusNames.Parse(schedule.Status) != EvseStatus.Inoperative)
            return (IntervalSet.Empty, ExclusionLimit.PlannedMaintenanceNotInoperative);
        var latestNotice = calendar.Before(LocalTime.DateOf(schedule.Begin, zone), rules.PlannedMaintenanceNoticeWorkingDays);
        if (LocalTime.DateOf(schedule.FirstSeenAt, zone) > latestNotice)
            return (IntervalSet.Empty, ExclusionLimit.PlannedMaintenanceNotAnnouncedInTime);
        var scheduleEnd = schedule.End?.ToUnixTimeSeconds() ?? end;
        var window = IntervalSet.Of(Math.Max(start, schedule.Begin.ToUnixTimeSeconds()), Math.Min(end, scheduleEnd));
        return (window.Intersect(inoperative), ExclusionLimit.None);
    }

    private static Outage[] Register(IntervalSet down, IntervalSet mask, Exclusions exclusions, StatusTimeline timeline, IntervalSet feedDown, long scopeEnd)
    {
        string Label(long at) => feedDown.Contains(at) ? "FEED_DOWN" : timeline.At(at)?.OcpiName() ?? "NO_DATA";

        var outages = new List<Outage>();
        foreach (var (start, end) in down.Intervals)
        {
            var counted = mask.Clip(start, end).Length;
            if (counted == 0)
                continue;
            var changes = new List<long>(timeline.ChangesWithin(start, end));
            foreach (var (feedStart, feedEnd) in feedDown.Clip(start, end).Intervals)
            {
                if (feedStart > start)
                    changes.Add(feedStart);
                if (feedEnd < end)
                    changes.Add(feedEnd);
            }
            changes.Sort();
            if (end < scopeEnd)
                changes.Add(end);
            var path = new List<string> { Label(start) };
            foreach (var at in changes)
            {
                var label = Label(at);
                if (label != path[^1])
                    path.Add(label);
            }
            var excluded = exclusions.Availability.Clip(start, end).Length;
            var claims = excluded == 0 ? [] : exclusions.PerClaim.Where(c => !c.Value.Clip(start, end).IsEmpty).Select(c => c.Key).Order(StringComparer.Ordinal).ToList();
            outages.Add(new Outage(DateTimeOffset.FromUnixTimeSeconds(start), DateTimeOffset.FromUnixTimeSeconds(end), counted, path, excluded, claims));
        }
        return [.. outages];
    }

    private static decimal? Ratio(long numerator, long denominator) => denominator <= 0 ? null : (decimal)numerator / denominator;

    private static UptimeVerdict Verdict(decimal? figure, decimal threshold, long exposure, decimal? coverage, long minimumExposure, UptimeRules rules)
    {
        if (exposure < minimumExposure || figure is not { } value)
            return UptimeVerdict.InsufficientExposure;
        if (coverage < rules.MinimumCoverage)
            return UptimeVerdict.Provisional;
        return value >= threshold ? UptimeVerdict.Pass : UptimeVerdict.Fail;
    }
}
