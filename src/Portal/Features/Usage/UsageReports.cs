using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Components.BackOffice;
using Portal.Domain.Accounts;
using Portal.Domain.Audits.Usage;
using Portal.Domain.ChargePoints;
using Portal.Features.Accounts;
using Portal.Integration.Persistence;

namespace Portal.Features.Usage;

/// <summary>
/// The usage report over the charge points a person may see: an officer those of their municipalities, a CPO user
/// those of their operator, an administrator all. Sessions and CDRs are read per batch of locations, only the columns
/// the figures need and only those touching the 12 months, settled per EVSE (<see cref="UsageSettlement"/>) and added
/// to a tally that holds one figure per EVSE and month: memory grows with the EVSEs, not with the sessions.
/// </summary>
internal sealed class UsageReports(PortalDbContext db, TenantAccess tenants, TimeProvider clock)
{
    public const int HistoryMonths = 12;
    private const int LocationsPerBatch = 200;

    public async Task<UsageReport> ReportAsync(ClaimsPrincipal user, UsageQuery query, bool allRows = false, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var scope = await ScopeAsync(user, ct);
        var month = query.Month ?? UsageMonth.LastFull(clock.GetUtcNow().UtcDateTime);
        var tally = new UsageTally<long>(month.Plus(1 - HistoryMonths), month);

        var visible = Visible(scope);
        var operators = await OperatorsAsync(visible, ct);
        var municipalities = await db.Municipalities.Where(m => visible.Any(l => l.MunicipalityId == m.Id))
            .Select(m => new MunicipalityChoice(m.Id, m.Name)).ToListAsync(ct);

        var selected = visible;
        if (query.OperatorId is { } operatorId)
            selected = selected.Where(l => l.OperatorId == operatorId);
        if (query.MunicipalityId is { } municipalityId)
            selected = selected.Where(l => l.MunicipalityId == municipalityId);
        var locations = await selected.AsNoTracking()
            .Select(l => new Place(l.Id, l.MunicipalityId, l.OperatorId, l.OperatorName, l.OperatorPartyId, l.OcpiLocationId, l.OcpiKey, l.Name, l.Address, l.PostalCode, l.City))
            .ToListAsync(ct);
        var locationIds = locations.Select(l => l.Id).ToList();
        var evses = await db.Evses.AsNoTracking().Where(e => locationIds.Contains(e.LocationId))
            .Select(e => new Point(e.Id, e.LocationId, e.Uid, e.EvseId, e.Status)).ToListAsync(ct);

        foreach (var batch in locations.Where(l => l.OcpiKey is not null).Chunk(LocationsPerBatch))
            await TallyAsync(tally, batch, evses, ct);

        var thresholds = await ThresholdsAsync(locations.Select(l => l.MunicipalityId).Distinct().ToList(), ct);
        var names = municipalities.ToDictionary(m => m.Id, m => m.Name);
        var byLocation = locations.ToDictionary(l => l.Id);
        var counted = evses.Where(e => e.Status != EvseStatus.Removed || tally.Touched(e.Id)).ToList();

        MonthlyUsage Figures(Point e, UsageMonth m) => tally.Of(e.Id, m, thresholds.GetValueOrDefault(byLocation[e.LocationId].MunicipalityId, BusyThresholds.Default));
        var rows = Rows(query.Grouping, counted, byLocation, names, e => Figures(e, month), month);
        rows = Sorted(rows, query.Sort, query.Descending);
        var history = tally.Months().Select(m => MonthlyUsage.Sum(m, counted.Select(e => Figures(e, m)))).ToList();
        var pageSize = Math.Clamp(query.PageSize, 1, UsageQuery.MaxPageSize);
        var page = allRows ? rows : [.. rows.Skip(Math.Max(0, query.Page) * pageSize).Take(pageSize)];
        return new UsageReport(month, query, page, rows.Count, history[^1], history,
            operators, [.. municipalities.OrderBy(m => m.Name, StringComparer.CurrentCulture)],
            [.. locations.Select(l => thresholds.GetValueOrDefault(l.MunicipalityId, BusyThresholds.Default)).Distinct()]);
    }

    /// <summary>Who is asking: null municipalities and operator for an administrator. Refused for anyone else without either.</summary>
    private async Task<Scope> ScopeAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (user.IsInRole(PortalRoles.Admin))
            return new Scope(null, null);
        var municipalities = await tenants.MunicipalitiesOfAsync(user, ct);
        var own = await tenants.OperatorOfAsync(user, ct);
        if (municipalities.Count == 0 && own is null)
            throw new UnauthorizedAccessException("Usage reports are for officers, CPO users and administrators.");
        return new Scope(municipalities, own);
    }

    private IQueryable<ChargeLocation> Visible(Scope scope)
    {
        if (scope.Municipalities is null)
            return db.ChargeLocations;
        var municipalities = scope.Municipalities;
        var own = scope.OperatorId;
        return db.ChargeLocations.Where(l => municipalities.Contains(l.MunicipalityId) || (own != null && l.OperatorId == own));
    }

    private async Task<IReadOnlyList<OperatorChoice>> OperatorsAsync(IQueryable<ChargeLocation> visible, CancellationToken ct) =>
        await db.Operators.Where(o => visible.Any(l => l.OperatorId == o.Id))
            .OrderBy(o => o.Name).Select(o => new OperatorChoice(o.Id, o.Name)).ToListAsync(ct);

    /// <summary>The busy thresholds of each municipality that set its own policy; the others use the defaults.</summary>
    private async Task<Dictionary<Guid, BusyThresholds>> ThresholdsAsync(List<Guid> municipalityIds, CancellationToken ct) =>
        (await db.MunicipalityPolicies.AsNoTracking().Where(p => municipalityIds.Contains(p.MunicipalityId)).ToListAsync(ct))
            .ToDictionary(p => p.MunicipalityId, p => p.Settings.ToBusyThresholds());

    /// <summary>The sessions and CDRs of a batch of locations that touch the tally's months, settled per EVSE and added.</summary>
    private async Task TallyAsync(UsageTally<long> tally, Place[] batch, List<Point> evses, CancellationToken ct)
    {
        var (from, to) = (tally.First.StartUtc, tally.Last.EndUtc);
        var ocpiIds = batch.Select(l => l.OcpiLocationId!).Distinct().ToList();
        var sessions = await db.OcpiSessions.AsNoTracking()
            .Where(s => ocpiIds.Contains(s.LocationId) && s.StartUtc < to && (s.EndUtc ?? s.LastUpdatedUtc) > from)
            .Select(s => new { s.CountryCode, s.PartyId, s.LocationId, s.EvseUid, Fact = new SessionFact(s.SessionId, s.StartUtc, s.EndUtc, s.LastUpdatedUtc, s.Kwh) })
            .ToListAsync(ct);
        var cdrs = await db.OcpiCdrs.AsNoTracking()
            .Where(c => ocpiIds.Contains(c.LocationId) && c.StartUtc < to && c.EndUtc >= from)
            .Select(c => new
            {
                c.CountryCode, c.PartyId, c.LocationId, c.EvseUid,
                Fact = new CdrFact(c.CdrId, c.SessionId, c.StartUtc, c.EndUtc, c.LastUpdatedUtc, c.TotalEnergyKwh, c.TotalParkingTimeHours, c.Credit, c.CreditReferenceId),
            })
            .ToListAsync(ct);

        var evseOf = new Dictionary<(string Location, string Uid), long>();
        var batchIds = batch.ToDictionary(l => l.Id, l => l.OcpiKey!);
        foreach (var e in evses.Where(e => batchIds.ContainsKey(e.LocationId)))
            evseOf[(batchIds[e.LocationId], e.Uid.ToUpperInvariant())] = e.Id;
        long? Evse(string country, string party, string location, string uid) =>
            evseOf.TryGetValue((ChargeLocation.KeyOf(country + party, location) ?? "", uid.ToUpperInvariant()), out var id) ? id : null;

        var sessionsPerEvse = sessions.Select(s => (Evse: Evse(s.CountryCode, s.PartyId, s.LocationId, s.EvseUid), s.Fact)).Where(s => s.Evse is not null).ToLookup(s => s.Evse!.Value, s => s.Fact);
        var cdrsPerEvse = cdrs.Select(c => (Evse: Evse(c.CountryCode, c.PartyId, c.LocationId, c.EvseUid), c.Fact)).Where(c => c.Evse is not null).ToLookup(c => c.Evse!.Value, c => c.Fact);
        foreach (var evse in sessionsPerEvse.Select(g => g.Key).Union(cdrsPerEvse.Select(g => g.Key)))
        {
            foreach (var span in UsageSettlement.Spans(sessionsPerEvse[evse], cdrsPerEvse[evse]))
                tally.Add(evse, span);
        }
    }

    private static List<UsageRow> Rows(UsageGrouping grouping, List<Point> evses, Dictionary<Guid, Place> locations, Dictionary<Guid, string> municipalities,
        Func<Point, MonthlyUsage> figures, UsageMonth month)
    {
        string Municipality(Place l) => municipalities.GetValueOrDefault(l.MunicipalityId, "");
        UsageRow Group<TKey>(IGrouping<TKey, Point> g, string key, string name, string? detail, Func<Place, string> operatorName, Func<Place, string> municipality)
        {
            var places = g.Select(e => locations[e.LocationId]).ToList();
            return new UsageRow(key, name, detail, Joined(places.Select(operatorName)), Joined(places.Select(municipality)), MonthlyUsage.Sum(month, g.Select(figures)));
        }

        return grouping switch
        {
            UsageGrouping.ChargePoint => [.. evses.Select(e =>
            {
                var l = locations[e.LocationId];
                return new UsageRow(e.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), e.EvseId ?? e.Uid, $"{l.Name}, {l.Address}", l.OperatorName, Municipality(l), figures(e));
            })],
            UsageGrouping.Location => [.. evses.GroupBy(e => e.LocationId).Select(g =>
            {
                var l = locations[g.Key];
                return Group(g, g.Key.ToString(), l.Name, $"{l.Address}, {l.City}", p => p.OperatorName, Municipality);
            })],
            UsageGrouping.District => [.. evses.GroupBy(e => UsageDistrict.Of(locations[e.LocationId].PostalCode) ?? "").Select(g =>
                Group(g, g.Key, g.Key, null, p => p.OperatorName, Municipality))],
            UsageGrouping.Operator => [.. evses.GroupBy(e => locations[e.LocationId] is var l && l.OperatorId is { } id ? id.ToString() : l.OperatorName).Select(g =>
                Group(g, g.Key, locations[g.First().LocationId].OperatorName, null, _ => "", Municipality))],
            _ => throw new ArgumentOutOfRangeException(nameof(grouping)),
        };
    }

    private static List<UsageRow> Sorted(List<UsageRow> rows, UsageSort sort, bool descending)
    {
        IOrderedEnumerable<UsageRow> ordered = sort switch
        {
            UsageSort.Sessions => descending ? rows.OrderByDescending(r => r.Figures.Sessions) : rows.OrderBy(r => r.Figures.Sessions),
            UsageSort.Kwh => descending ? rows.OrderByDescending(r => r.Figures.Kwh) : rows.OrderBy(r => r.Figures.Kwh),
            UsageSort.Occupancy => descending ? rows.OrderByDescending(r => r.Figures.Occupancy) : rows.OrderBy(r => r.Figures.Occupancy),
            _ => descending ? rows.OrderByDescending(r => r.Name, StringComparer.CurrentCulture) : rows.OrderBy(r => r.Name, StringComparer.CurrentCulture),
        };
        return [.. ordered.ThenBy(r => r.Name, StringComparer.CurrentCulture).ThenBy(r => r.Key, StringComparer.Ordinal)];
    }

    private static string Joined(IEnumerable<string> names) => string.Join(", ", names.Where(n => n.Length > 0).Distinct().Order(StringComparer.CurrentCulture));

    private sealed record Scope(IReadOnlyList<Guid>? Municipalities, Guid? OperatorId);

    private sealed record Place(Guid Id, Guid MunicipalityId, Guid? OperatorId, string OperatorName, string? OperatorPartyId, string? OcpiLocationId, string? OcpiKey,
        string Name, string Address, string? PostalCode, string City);

    private sealed record Point(long Id, Guid LocationId, string Uid, string? EvseId, EvseStatus Status);
}
