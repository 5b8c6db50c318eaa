using Microsoft.EntityFrameworkCore;
using Portal.Domain.Audits.DataQuality;
using Portal.Domain.ChargePoints;
using Portal.Domain.Contracts;
using Portal.Integration.Contracts.TariffCaps;
using Portal.Integration.Ocpi.Receiving;
using Portal.Integration.Persistence;

namespace Portal.Features.DataQuality;

/// <summary>One EVSE of the operator with its KPIs for the period; <see cref="Offends"/> when any KPI names it.</summary>
public sealed record EvseQualityRow(Guid LocationId, string LocationSourceId, string Address, string EvseUid, string? EvseId,
    int LatencySeconds, EvseQuality Quality, bool Stale, DateTime? LastSignUtc)
{
    public EvseRef Ref(string contractLocationId) => new(contractLocationId, EvseUid);

    public bool Offends => Quality.Late || Stale || Quality.SilentFailureSuspected || Quality.Inconsistent;
}

/// <summary>A contract in force at the period's end with the EVSEs it covers and its latency.</summary>
internal sealed record CoveringContract(Guid ContractId, int LatencySeconds, IReadOnlySet<EvseRef> Covered);

/// <summary>What the calculator found for one operator and period.</summary>
internal sealed record DataQualityComputation(DataQualityFigures Figures, IReadOnlyList<EvseQualityRow> Evses, IReadOnlyList<CoveringContract> Contracts,
    IReadOnlyDictionary<(string Source, string Uid), string> ContractLocationIds);

/// <summary>
/// Computes an operator's data-quality KPIs for a period from the stored data: the operator's EVSEs (not removed), the
/// contracts covering them (for the latency), the last sign of life per EVSE (events and pull listings, aggregated in the
/// database), the status the EVSE entered the period in, the sessions overlapping the period (one small row each, in
/// memory) and the period's status events, streamed in EVSE order so only one EVSE's events are held at a time.
/// </summary>
internal sealed class DataQualityCalculator(PortalDbContext db)
{
    public async Task<DataQualityComputation> ComputeAsync(Guid operatorId, DataQualityPeriod period, DateTime nowUtc, CancellationToken ct = default)
    {
        var asOf = nowUtc < period.EndUtc ? nowUtc : period.EndUtc;
        var locations = db.ChargeLocations.AsNoTracking().Where(l => l.OperatorId == operatorId);
        var evses = await (
            from location in locations
            from evse in location.Evses
            where evse.Status != EvseStatus.Removed
            orderby location.SourceId, evse.Uid
            select new { LocationId = location.Id, location.SourceId, ContractLocationId = location.OcpiLocationId ?? location.SourceId, location.Address, location.City, evse.Uid, evse.EvseId })
            .ToListAsync(ct);

        var contracts = await CoveringContractsAsync(operatorId, period, ct);
        var contractLocationIds = evses.ToDictionary(e => (e.SourceId, e.Uid), e => e.ContractLocationId);

        var lastEvents = await (
            from e in db.EvseStatusEvents
            join l in locations on e.LocationSourceId equals l.SourceId
            where e.ReceivedAtUtc <= asOf
            group e by new { e.LocationSourceId, e.EvseUid } into g
            select new { g.Key.LocationSourceId, g.Key.EvseUid, Last = g.Max(x => x.ReceivedAtUtc) })
            .ToDictionaryAsync(x => (x.LocationSourceId, x.EvseUid), x => x.Last, ct);
        var lastListed = await (
            from s in db.OcpiLocationSnapshots
            join l in locations on s.LocationSourceId equals l.SourceId
            where s.LastListedAtUtc != null
            select new { s.LocationSourceId, s.LastListedAtUtc })
            .ToDictionaryAsync(x => x.LocationSourceId, x => x.LastListedAtUtc, ct);
        var carriedIn = await CarriedInAsync(locations, period, ct);
        var sessions = await SessionsAsync(operatorId, period, ct);

        var byKey = evses.ToDictionary(e => (e.SourceId, e.Uid));
        var sessionsAt = sessions.GroupBy(s => s.Key.Source).ToDictionary(g => g.Key, g => g.ToList());
        var results = new Dictionary<(string, string), EvseQualityRow>();
        void Assess((string Source, string Uid) key, List<StatusObservation> events)
        {
            if (!byKey.TryGetValue(key, out var evse))
                return;   // an EVSE removed since, or not (yet) in the register
            var latency = contracts.Where(c => c.Covered.Contains(new EvseRef(evse.ContractLocationId, evse.Uid)))
                .Select(c => c.LatencySeconds).DefaultIfEmpty(DataQualityRules.DefaultLatencySeconds).Min();
            var own = sessions.GetValueOrDefault(key) ?? [];
            var siblings = (sessionsAt.GetValueOrDefault(key.Source) ?? []).Where(s => s.Key.Uid != key.Uid).SelectMany(s => s.Value).ToList();
            var quality = EvseDataQuality.Assess(period, new EvseHistory(latency, carriedIn.GetValueOrDefault(key), events, own, siblings), asOf);
            DateTime? lastEvent = lastEvents.TryGetValue(key, out var received) ? received : null;
            var listed = lastListed.GetValueOrDefault(evse.SourceId);
            results[key] = new EvseQualityRow(evse.LocationId, evse.SourceId, $"{evse.Address}, {evse.City}", evse.Uid, evse.EvseId, latency, quality,
                DataQualityRules.IsStale(lastEvent, listed, asOf), DataQualityRules.LastSign(lastEvent, listed));
        }

        // The events come grouped per EVSE (ordered by the database's collation): one EVSE's events are held at a time.
        (string, string)? current = null;
        var buffer = new List<StatusObservation>();
        await foreach (var row in EventsOf(locations, period).WithCancellation(ct))
        {
            var key = (row.LocationSourceId, row.EvseUid);
            if (current is { } previous && previous != key)
            {
                Assess(previous, buffer);
                buffer = [];
            }
            current = key;
            buffer.Add(new StatusObservation(row.Status, row.OccurredAtUtc, row.ReceivedAtUtc));
        }
        if (current is { } last)
            Assess(last, buffer);
        foreach (var evse in evses.Where(e => !results.ContainsKey((e.SourceId, e.Uid))))
            Assess((evse.SourceId, evse.Uid), []);

        var rows = evses.Select(e => results[(e.SourceId, e.Uid)]).ToList();
        var figures = rows.Aggregate(DataQualityFigures.Empty, (sum, r) => sum.Add(r.Quality, r.Stale));
        return new DataQualityComputation(figures, rows, contracts, contractLocationIds);
    }

    private IAsyncEnumerable<EventRow> EventsOf(IQueryable<ChargeLocation> locations, DataQualityPeriod period) =>
        (from e in db.EvseStatusEvents
         join l in locations on e.LocationSourceId equals l.SourceId
         where e.OccurredAtUtc >= period.StartUtc && e.OccurredAtUtc < period.EndUtc
         orderby e.LocationSourceId, e.EvseUid, e.OccurredAtUtc
         select new EventRow(e.LocationSourceId, e.EvseUid, e.Status, e.OccurredAtUtc, e.ReceivedAtUtc))
        .AsAsyncEnumerable();

    private sealed record EventRow(string LocationSourceId, string EvseUid, string Status, DateTime OccurredAtUtc, DateTime ReceivedAtUtc);

    /// <summary>Per EVSE, the last event whose t_evt lies before the period: the status it entered the period in.</summary>
    private async Task<Dictionary<(string, string), StatusObservation>> CarriedInAsync(IQueryable<ChargeLocation> locations, DataQualityPeriod period, CancellationToken ct) =>
        (await EvseStatusHistory.LastBeforeAsync(db, locations, period.StartUtc, ct))
            .ToDictionary(e => e.Key, e => new StatusObservation(e.Value.Status, e.Value.OccurredAtUtc, e.Value.ReceivedAtUtc));

    /// <summary>The operator's sessions overlapping the period, per EVSE (location key CC*PARTY*LOCATION upper case, uid).</summary>
    private async Task<Dictionary<(string Source, string Uid), List<SessionSpan>>> SessionsAsync(Guid operatorId, DataQualityPeriod period, CancellationToken ct)
    {
        var party = await db.Operators.AsNoTracking().Where(o => o.Id == operatorId).Select(o => o.PartyId).SingleOrDefaultAsync(ct);
        if (party is not { } p)
            return [];
        var rows = await db.OcpiSessions.AsNoTracking()
            .Where(s => s.CountryCode == p.CountryCode && s.PartyId == p.PartyId && s.StartUtc < period.EndUtc && (s.EndUtc == null || s.EndUtc > period.StartUtc))
            .Select(s => new { s.CountryCode, s.PartyId, s.LocationId, s.EvseUid, s.StartUtc, s.EndUtc })
            .ToListAsync(ct);
        return rows.GroupBy(s => ($"{s.CountryCode}*{s.PartyId}*{s.LocationId}".ToUpperInvariant(), s.EvseUid))
            .ToDictionary(g => g.Key, g => g.Select(s => new SessionSpan(s.StartUtc, s.EndUtc)).ToList());
    }

    private async Task<IReadOnlyList<CoveringContract>> CoveringContractsAsync(Guid operatorId, DataQualityPeriod period, CancellationToken ct)
    {
        var contracts = await db.Contracts.AsNoTracking().Where(c => c.OperatorId == operatorId)
            .Include(c => c.Municipalities).Include(c => c.Versions).Include(c => c.CoverageRules).AsSplitQuery().ToListAsync(ct);
        var covering = new List<CoveringContract>();
        foreach (var contract in contracts)
        {
            if (contract.VersionInForceOn(period.LastDay) is not { } version)
                continue;
            var set = await ContractEvses.ResolveAsync(db, contract, ct);
            covering.Add(new CoveringContract(contract.Id, version.Terms.DataLatencySeconds, set.Covered.ToHashSet()));
        }
        return covering;
    }
}
