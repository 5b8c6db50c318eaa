using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Domain.Common;
using Portal.Domain.Geography;
using Portal.Domain.Terms;
using Portal.Domain.TrafficOrders;
using Portal.Features.Map;
using Portal.Features.TrafficOrders.Public;
using Portal.Integration.Persistence;

namespace Portal.Features.TrafficOrders;

/// <summary>
/// The locations of published and final traffic orders, for the public map and its list: what the public
/// may know (street, nearest house number, the order, until when objection is possible), never who applied.
/// </summary>
internal sealed class PlannedLocations(PortalDbContext db, IOptions<TrafficOrderOptions> options, TimeProvider clock) : IPlannedLocations
{
    private static readonly TrafficOrderStatus[] Public = [TrafficOrderStatus.Published, TrafficOrderStatus.ObjectionsReceived, TrafficOrderStatus.Final];

    public async Task<IReadOnlyList<PlannedLocation>> LoadAsync(CancellationToken ct)
    {
        var calendar = TermsCalendar.Default.With(options.Value.EquatedDays);
        var today = DutchCalendar.Day(clock.GetUtcNow().UtcDateTime);
        var orders = await db.TrafficOrders.AsNoTracking().Where(o => Public.Contains(o.Status))
            .Include(o => o.Locations).AsSplitQuery().ToListAsync(ct);
        var municipalityIds = orders.Select(o => o.MunicipalityId).Distinct().ToList();
        var codes = (await db.Municipalities.AsNoTracking().Where(m => municipalityIds.Contains(m.Id)).Select(m => new { m.Id, m.Code }).ToListAsync(ct))
            .ToDictionary(m => m.Id, m => m.Code.Value);
        return orders.SelectMany(order =>
        {
            var term = order.ObjectionTerm(calendar);
            var until = order.Status != TrafficOrderStatus.Final && term is not null && !term.HasLapsed(today) ? term.LastDay : (DateOnly?)null;
            var path = PublicOrderLinks.PathOf(codes[order.MunicipalityId], order.Reference);
            return order.Locations.Select(l => new PlannedLocation(l.SpotId, $"{l.Street} {l.NearestHouseNumber}".Trim(), order.MunicipalityId, order.Reference, path,
                order.Status == TrafficOrderStatus.Final, until, Coordinate.FromStored(l.Latitude, l.Longitude, l.RdX, l.RdY)));
        }).OrderBy(p => p.Label, StringComparer.CurrentCulture).ToList();
    }
}
