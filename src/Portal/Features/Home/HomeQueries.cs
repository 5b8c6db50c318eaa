using Microsoft.EntityFrameworkCore;
using Portal.Domain.ChargePoints;
using Portal.Integration.Persistence;

namespace Portal.Features.Home;

/// <summary>The numbers on the home page: charge locations and EVSEs per municipality.</summary>
internal sealed class HomeQueries(PortalDbContext db)
{
    public async Task<IReadOnlyList<MunicipalityCount>> CountsAsync(CancellationToken ct = default)
    {
        var locations = await db.ChargeLocations.AsNoTracking()
            .GroupBy(l => l.MunicipalityId)
            .Select(g => new { MunicipalityId = g.Key, Locations = g.Count(), Available = g.Count(l => l.Status == LocationStatus.Available) })
            .ToListAsync(ct);
        var evses = await db.Evses.AsNoTracking()
            .Where(e => e.Status != EvseStatus.Removed)
            .Join(db.ChargeLocations, e => e.LocationId, l => l.Id, (e, l) => l.MunicipalityId)
            .GroupBy(id => id)
            .Select(g => new { MunicipalityId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.MunicipalityId, x => x.Count, ct);
        var names = await db.Municipalities.AsNoTracking().ToDictionaryAsync(m => m.Id, m => m.Name, ct);

        return locations
            .Select(l => new MunicipalityCount(l.MunicipalityId, names[l.MunicipalityId], l.Locations, evses.GetValueOrDefault(l.MunicipalityId), l.Available))
            .OrderBy(c => c.Name, StringComparer.CurrentCulture)
            .ToList();
    }
}

public sealed record MunicipalityCount(Guid MunicipalityId, string Name, int Locations, int Evses, int AvailableLocations);
