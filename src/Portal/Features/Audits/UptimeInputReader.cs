using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Domain.Audits;
using Portal.Domain.Audits.Exclusions;
using Portal.Domain.Audits.IngestHealth;
using Portal.Domain.Audits.Uptime;
using Portal.Domain.Contracts;
using Portal.Domain.Installations;
using Portal.Features.IngestHealth;
using Portal.Integration.Contracts.TariffCaps;
using Portal.Integration.Ocpi;
using Portal.Integration.Ocpi.Pulling;
using Portal.Integration.Ocpi.Receiving;
using Portal.Integration.Persistence;
using ApprovedExclusion = Portal.Domain.Audits.Uptime.ApprovedExclusion;
using UptimeUnmeasured = Portal.Domain.Audits.Uptime.UnmeasuredInterval;
using Wire = Portal.Integration.Ocpi.Contracts;

namespace Portal.Features.Audits;

/// <summary>
/// Reads each covered EVSE's <see cref="EvseUptimeInput"/> for a contract and period from the stored data: the status
/// events (streamed in EVSE and time order, with the last event before the period carried in), the successful location
/// pulls of the EVSE's connection (feed liveness), the portal's unmeasured time (<see cref="UnmeasuredTime"/>), the
/// location's opening times as last stored, the contract scope (its EVSE record, else the installation's commissioning,
/// else the EVSE's first event) and the approved exclusion claims. One EVSE's events are held at a time. Where the stored
/// data lacks what the metric wants, docs/decisions/0001 ("Input from the database") says what is read instead.
/// </summary>
internal sealed class UptimeInputReader(PortalDbContext db, IOptions<IngestHealthOptions> ingest, TimeProvider clock)
{
    public const string DefaultTimeZone = "Europe/Amsterdam";

    public async IAsyncEnumerable<EvseUptimeInput> ReadAsync(Contract contract, ContractTerms terms, MeasurementPeriod period, bool recomputation,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(contract);
        var set = await ContractEvses.ResolveAsync(db, contract, ct);
        var covered = set.Covered.Where(set.SourceOf.ContainsKey).ToDictionary(e => (set.SourceOf[e], e.EvseUid!), e => e);
        if (covered.Count == 0)
            yield break;
        var start = period.Start.UtcDateTime;
        var end = period.End.UtcDateTime;
        var sources = covered.Keys.Select(k => k.Item1).Distinct().ToList();
        var locations = await LocationsAsync(sources, period, ct);
        var feeds = await FeedsAsync(locations.Values.Select(l => l.ConnectionId).Distinct().ToList(), start, end, ct);
        var scopes = await ScopesAsync(contract, covered, LocalTime.DateOf(period.End, LocalTime.Zone(DefaultTimeZone)), ct);
        var claims = await ClaimsAsync(contract.Id, start, end, ct);
        var carriedIn = await CarriedInAsync(contract.OperatorId, start, ct);

        EvseUptimeInput Input((string Source, string Uid) key, List<StatusEvent> events)
        {
            var evse = covered[key];
            var location = locations.GetValueOrDefault(key.Source);
            var feed = location is null ? Feed.None : feeds.GetValueOrDefault(location.ConnectionId, Feed.None);
            if (carriedIn.TryGetValue(key, out var before))
                events.Insert(0, before);
            var parts = key.Source.Split('*');
            return new EvseUptimeInput
            {
                Evse = new EvseKey(parts[0], parts.Length > 1 ? parts[1] : "", evse.LocationId, evse.EvseUid!),
                Period = period,
                Scope = scopes[key],
                Terms = terms,
                TimeZoneId = location?.TimeZoneId ?? DefaultTimeZone,
                OpeningTimes = location?.OpeningTimes ?? [],
                Events = events,
                FeedConfirmations = feed.Confirmations,
                Unmeasured = feed.Unmeasured,
                Exclusions = claims.Where(c => c.Evses.Contains(evse)).Select(c => c.Exclusion).ToList(),
                Recomputation = recomputation,
            };
        }

        var done = new HashSet<(string, string)>();
        (string Source, string Uid)? current = null;
        var buffer = new List<StatusEvent>();
        await foreach (var row in EventsOf(contract.OperatorId, start, end).WithCancellation(ct))
        {
            var key = (row.LocationSourceId, row.EvseUid);
            if (current is { } previous && previous != key)
            {
                if (covered.ContainsKey(previous) && done.Add(previous))
                    yield return Input(previous, buffer);
                buffer = [];
            }
            current = key;
            buffer.Add(new StatusEvent(row.Status, Utc(row.OccurredAtUtc), Utc(row.ReceivedAtUtc)));
        }
        if (current is { } last && covered.ContainsKey(last) && done.Add(last))
            yield return Input(last, buffer);
        foreach (var key in covered.Keys.Where(k => !done.Contains(k)).OrderBy(k => k.Item1, StringComparer.Ordinal).ThenBy(k => k.Item2, StringComparer.Ordinal))
            yield return Input(key, []);
    }

    private static DateTimeOffset Utc(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));

    private IAsyncEnumerable<EventRow> EventsOf(Guid operatorId, DateTime start, DateTime end) =>
        (from e in db.EvseStatusEvents.AsNoTracking()
         join l in db.ChargeLocations.AsNoTracking() on e.LocationSourceId equals l.SourceId
         where l.OperatorId == operatorId && e.OccurredAtUtc >= start && e.OccurredAtUtc < end
         orderby e.LocationSourceId, e.EvseUid, e.OccurredAtUtc, e.ReceivedAtUtc
         select new EventRow(e.LocationSourceId, e.EvseUid, e.Status, e.OccurredAtUtc, e.ReceivedAtUtc))
        .AsAsyncEnumerable();

    private sealed record EventRow(string LocationSourceId, string EvseUid, string Status, DateTime OccurredAtUtc, DateTime ReceivedAtUtc);

    /// <summary>Per EVSE, the last event before the period: the status it entered the period in.</summary>
    private async Task<Dictionary<(string, string), StatusEvent>> CarriedInAsync(Guid operatorId, DateTime start, CancellationToken ct) =>
        (await EvseStatusHistory.LastBeforeAsync(db, db.ChargeLocations.AsNoTracking().Where(l => l.OperatorId == operatorId), start, ct))
            .ToDictionary(e => e.Key, e => new StatusEvent(e.Value.Status, Utc(e.Value.OccurredAtUtc), Utc(e.Value.ReceivedAtUtc)));

    private sealed record LocationFacts(Guid ConnectionId, string TimeZoneId, IReadOnlyList<OpeningTimesVersion> OpeningTimes);

    /// <summary>The connection and the opening times and time zone of each location, from its stored OCPI snapshot.</summary>
    private async Task<Dictionary<string, LocationFacts>> LocationsAsync(List<string> sources, MeasurementPeriod period, CancellationToken ct)
    {
        var snapshots = await db.OcpiLocationSnapshots.AsNoTracking().Where(s => sources.Contains(s.LocationSourceId))
            .Select(s => new { s.LocationSourceId, s.ConnectionId, s.RawJson, s.ReceivedAtUtc }).ToListAsync(ct);
        var facts = new Dictionary<string, LocationFacts>();
        foreach (var s in snapshots)
        {
            Wire.Location? location = null;
            try
            {
                location = JsonSerializer.Deserialize<Wire.Location>(s.RawJson, OcpiJson.Options);
            }
            catch (JsonException)
            {
                // A snapshot that no longer reads is treated as always open: the strict reading keeps every hour in S.
            }
            var zone = location?.TimeZone is { Length: > 0 } tz && TimeZoneInfo.TryFindSystemTimeZoneById(tz, out _) ? tz : DefaultTimeZone;
            facts[s.LocationSourceId] = new LocationFacts(s.ConnectionId, zone, OpeningTimes(location?.OpeningTimes, zone, period, Utc(s.ReceivedAtUtc)));
        }
        return facts;
    }

    /// <summary>The stored opening times as one version covering the whole period (the portal keeps only the last one).</summary>
    private static IReadOnlyList<OpeningTimesVersion> OpeningTimes(Wire.Hours? hours, string zone, MeasurementPeriod period, DateTimeOffset seenAt)
    {
        if (hours is null || hours.Twentyfourseven != false)
            return [];
        var regular = (hours.RegularHours ?? []).Select(h => TimeSpan.TryParse(h.PeriodBegin, System.Globalization.CultureInfo.InvariantCulture, out var b)
                && TimeSpan.TryParse(h.PeriodEnd, System.Globalization.CultureInfo.InvariantCulture, out var e) ? new RegularHours(h.Weekday, b, e) : null)
            .OfType<RegularHours>().ToList();
        var openings = (hours.ExceptionalOpenings ?? []).Select(o => new TimeInterval(Utc(o.PeriodBegin), Utc(o.PeriodEnd))).ToList();
        var closings = (hours.ExceptionalClosings ?? []).Select(c => new ExceptionalClosing(Utc(c.PeriodBegin), Utc(c.PeriodEnd), seenAt)).ToList();
        return [new OpeningTimesVersion(period.Start, zone, false, regular, openings, closings)];
    }

    private sealed record Feed(IReadOnlyList<DateTimeOffset> Confirmations, IReadOnlyList<UptimeUnmeasured> Unmeasured)
    {
        public static readonly Feed None = new([], []);
    }

    /// <summary>Per connection: the successful location pulls (each keeps the feed alive) and the portal's unmeasured time.</summary>
    private async Task<Dictionary<Guid, Feed>> FeedsAsync(List<Guid> connections, DateTime start, DateTime end, CancellationToken ct)
    {
        var from = start - UptimeRules.Default.FeedLiveness;
        var pulls = await db.OcpiPullRuns.AsNoTracking()
            .Where(r => connections.Contains(r.ConnectionId) && r.Module == OcpiModule.Locations && r.Outcome == PullOutcome.Succeeded
                && r.FinishedAtUtc >= from && r.FinishedAtUtc < end)
            .Select(r => new { r.ConnectionId, At = r.FinishedAtUtc!.Value }).ToListAsync(ct);
        var gap = TimeSpan.FromSeconds(ingest.Value.IngestHeartbeatGapSeconds);
        var beats = await db.IngestHeartbeats.AsNoTracking().Where(h => h.ToUtc >= start - gap && h.FromUtc < end)
            .Select(h => new IngestStretch(h.FromUtc, h.ToUtc)).ToListAsync(ct);
        var failures = await db.IngestFailures.AsNoTracking().Where(f => f.UntilUtc >= start && f.FromUtc < end)
            .Select(f => new IngestFailureStretch(f.ConnectionId, f.Kind, f.FromUtc, f.UntilUtc)).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        return connections.ToDictionary(c => c, c => new Feed(
            pulls.Where(p => p.ConnectionId == c).Select(p => Utc(p.At)).Order().ToList(),
            UnmeasuredTime.Of(c, start, end, now, gap, beats, failures)
                .Select(u => new UptimeUnmeasured(Utc(u.FromUtc), Utc(u.UntilUtc), UnmeasuredCause.PortalOutage)).ToList()));
    }

    /// <summary>
    /// The contract's EVSE record where it has one; else the day the installation was commissioned; else the day of the
    /// EVSE's first event; an EVSE without any event goes live on <paramref name="never"/> (the period's end: no exposure).
    /// </summary>
    private async Task<Dictionary<(string, string), ContractScope>> ScopesAsync(Contract contract, Dictionary<(string, string), EvseRef> covered, DateOnly never, CancellationToken ct)
    {
        var records = contract.EvseRecords.ToDictionary(r => r.Evse);
        var sources = covered.Keys.Select(k => k.Item1).Distinct().ToList();
        var commissioned = (await db.InstallationCases.AsNoTracking().Include(c => c.Steps)
                .Where(c => c.OperatorId == contract.OperatorId && c.CommissionedLocationSourceId != null && sources.Contains(c.CommissionedLocationSourceId))
                .ToListAsync(ct))
            .SelectMany(c => c.CommissionedEvseUids.Select(uid => (Key: (c.CommissionedLocationSourceId!, uid),
                Day: c.Steps.FirstOrDefault(s => s.Step == InstallationStep.Commissioned)?.DoneOn)))
            .Where(x => x.Day is not null)
            .GroupBy(x => x.Key).ToDictionary(g => g.Key, g => g.Min(x => x.Day!.Value));
        var firstSeen = await (
            from e in db.EvseStatusEvents.AsNoTracking()
            where sources.Contains(e.LocationSourceId)
            group e by new { e.LocationSourceId, e.EvseUid } into g
            select new { g.Key.LocationSourceId, g.Key.EvseUid, First = g.Min(x => x.OccurredAtUtc) })
            .ToDictionaryAsync(x => (x.LocationSourceId, x.EvseUid), x => x.First, ct);
        var zone = LocalTime.Zone(DefaultTimeZone);
        return covered.ToDictionary(c => c.Key, c =>
        {
            var record = records.GetValueOrDefault(c.Value);
            var goLive = record?.GoLiveOn
                ?? (commissioned.TryGetValue(c.Key, out var day) ? day
                : firstSeen.TryGetValue(c.Key, out var first) ? LocalTime.DateOf(Utc(first), zone)
                : never);
            return new ContractScope(goLive, record?.DecommissionedOn, record?.SimultaneityGroup);
        });
    }

    private sealed record ApprovedClaim(ApprovedExclusion Exclusion, IReadOnlySet<EvseRef> Evses);

    /// <summary>The contract's approved (or partly approved) claims overlapping the period, for the EVSEs approved.</summary>
    private async Task<List<ApprovedClaim>> ClaimsAsync(Guid contractId, DateTime start, DateTime end, CancellationToken ct)
    {
        var claims = await db.ExclusionClaims.AsNoTracking().Include(c => c.Evses)
            .Where(c => c.ContractId == contractId && (c.State == ExclusionClaimState.Approved || c.State == ExclusionClaimState.PartlyApproved)
                && c.StartsAtUtc < end && c.EndsAtUtc > start)
            .ToListAsync(ct);
        var windowIds = claims.Where(c => c.MaintenanceWindowId is not null).Select(c => c.MaintenanceWindowId!.Value).ToList();
        var announced = await db.MaintenanceWindows.AsNoTracking().Where(w => windowIds.Contains(w.Id))
            .ToDictionaryAsync(w => w.Id, w => w.AnnouncedAtUtc, ct);
        return claims.Select(c =>
        {
            var from = Utc(c.ApprovedFromUtc ?? c.StartsAtUtc);
            var until = Utc(c.ApprovedUntilUtc ?? c.EndsAtUtc);
            DateTime? firstSeen = c.ScheduleEntryFirstSeenUtc ?? (c.MaintenanceWindowId is { } w && announced.TryGetValue(w, out var at) ? at : null);
            var schedule = c.Category == ExclusionCategory.PlannedMaintenance && firstSeen is { } seen
                ? new StatusScheduleEntry(from, until, "INOPERATIVE", Utc(seen))
                : null;
            var exclusion = new ApprovedExclusion(c.Id.ToString("N"), c.Category, new TimeInterval(from, until), Schedule: schedule,
                IncidentReference: c.IncidentNumber);
            return new ApprovedClaim(exclusion, c.Evses.Where(e => e.Approved).Select(e => e.Evse).ToHashSet());
        }).ToList();
    }
}
