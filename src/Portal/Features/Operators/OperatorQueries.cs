using Microsoft.EntityFrameworkCore;
using Portal.Domain.ChargePoints;
using Portal.Domain.Operators;
using Portal.Integration.Persistence;

namespace Portal.Features.Operators;

/// <summary>A CPO user's view: their organisation and the charge locations it runs, per municipality.</summary>
internal sealed class OperatorQueries(PortalDbContext db)
{
    public async Task<OperatorOverview?> OverviewAsync(Guid operatorId, CancellationToken ct = default)
    {
        var organisation = await db.Operators.AsNoTracking().SingleOrDefaultAsync(o => o.Id == operatorId, ct);
        if (organisation is null)
            return null;

        var locations = OperatedBy(organisation);
        var perMunicipality = await locations
            .Join(db.Municipalities, l => l.MunicipalityId, m => m.Id, (l, m) => new { l, m.Name })
            .GroupBy(x => new { x.l.MunicipalityId, x.Name })
            .Select(g => new OperatorMunicipality(
                g.Key.MunicipalityId,
                g.Key.Name,
                g.Count(),
                g.Count(x => x.l.Status == LocationStatus.Available),
                g.Count(x => x.l.Status == LocationStatus.Occupied),
                g.Count(x => x.l.Status == LocationStatus.Unavailable)))
            .ToListAsync(ct);
        var evses = await db.Evses.AsNoTracking()
            .Where(e => locations.Select(l => l.Id).Contains(e.LocationId) && e.Status != EvseStatus.Removed)
            .CountAsync(ct);
        return new OperatorOverview(organisation.Name, organisation.PartyId?.ToString(), perMunicipality.OrderBy(m => m.Name, StringComparer.CurrentCulture).ToList(), evses);
    }

    // Until OCPI connections exist, a location belongs to an operator by its eMI3 party id, or else by name.
    private IQueryable<ChargeLocation> OperatedBy(OperatorOrganisation organisation)
    {
        var partyId = organisation.PartyId?.ToString();
        return db.ChargeLocations.AsNoTracking()
            .Where(l => (partyId != null && l.OperatorPartyId == partyId) || l.OperatorName == organisation.Name);
    }
}

public sealed record OperatorOverview(string Name, string? PartyId, IReadOnlyList<OperatorMunicipality> Municipalities, int Evses)
{
    public int Locations => Municipalities.Sum(m => m.Locations);
}

public sealed record OperatorMunicipality(Guid Id, string Name, int Locations, int Available, int Occupied, int Unavailable);
