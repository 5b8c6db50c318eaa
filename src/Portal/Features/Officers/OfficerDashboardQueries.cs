using Microsoft.EntityFrameworkCore;
using Portal.Domain.ChargePoints;
using Portal.Integration.Persistence;

namespace Portal.Features.Officers;

/// <summary>The officer's overview of each municipality they work for.</summary>
internal sealed class OfficerDashboardQueries(PortalDbContext db)
{
    public async Task<IReadOnlyList<MunicipalityOverview>> OverviewAsync(IReadOnlyCollection<Guid> municipalityIds, CancellationToken ct = default)
    {
        var municipalities = await db.Municipalities.AsNoTracking()
            .Where(m => municipalityIds.Contains(m.Id))
            .OrderBy(m => m.Name)
            .Select(m => new { m.Id, m.Name, Code = m.Code })
            .ToListAsync(ct);

        var result = new List<MunicipalityOverview>();
        foreach (var m in municipalities)
        {
            var locations = db.ChargeLocations.AsNoTracking().Where(l => l.MunicipalityId == m.Id);
            var byStatus = await locations.GroupBy(l => l.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
            var locationsPerOperator = await locations.GroupBy(l => l.OperatorName)
                .Select(g => new { Operator = g.Key, Count = g.Count() })
                .ToListAsync(ct);
            var evsesPerOperator = await db.Evses.AsNoTracking()
                .Where(e => e.Status != EvseStatus.Removed)
                .Join(locations, e => e.LocationId, l => l.Id, (e, l) => l.OperatorName)
                .GroupBy(name => name)
                .Select(g => new { Operator = g.Key, Count = g.Count() })
                .ToDictionaryAsync(x => x.Operator, x => x.Count, ct);
            var byOperator = locationsPerOperator
                .Select(o => new OperatorShare(o.Operator, o.Count, evsesPerOperator.GetValueOrDefault(o.Operator)))
                .OrderByDescending(o => o.Locations).ThenBy(o => o.Operator, StringComparer.CurrentCulture)
                .ToList();
            var evseStatus = await db.Evses.AsNoTracking()
                .Where(e => locations.Select(l => l.Id).Contains(e.LocationId) && e.Status != EvseStatus.Removed)
                .GroupBy(e => e.Status).Select(g => new { g.Key, Count = g.Count() })
                .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
            var lastUpdate = await locations.MaxAsync(l => l.LastUpdatedUtc, ct);
            var spots = await db.Spots.AsNoTracking().Where(s => s.MunicipalityId == m.Id)
                .GroupBy(s => s.Status).Select(g => new { g.Key, Count = g.Count() })
                .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
            result.Add(new MunicipalityOverview(m.Id, m.Name, m.Code.Value, byStatus, evseStatus, byOperator, lastUpdate, spots));
        }
        return result;
    }
}

public sealed record MunicipalityOverview(
    Guid Id,
    string Name,
    string Code,
    IReadOnlyDictionary<LocationStatus, int> LocationsByStatus,
    IReadOnlyDictionary<EvseStatus, int> EvsesByStatus,
    IReadOnlyList<OperatorShare> Operators,
    DateTime? LastUpdateUtc,
    IReadOnlyDictionary<Domain.Spots.SpotStatus, int> SpotsByStatus)
{
    public int Locations => LocationsByStatus.Values.Sum();
    public int Evses => EvsesByStatus.Values.Sum();
}

public sealed record OperatorShare(string Operator, int Locations, int Evses);
