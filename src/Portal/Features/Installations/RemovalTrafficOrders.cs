using Microsoft.EntityFrameworkCore;
using Portal.Domain.Installations;
using Portal.Domain.TrafficOrders;
using Portal.Integration.Persistence;

namespace Portal.Features.Installations;

/// <summary>A removal's traffic orders with their ids, for links: the order that reserved the spot and the amendment that releases it.</summary>
internal sealed record RemovalOrders(Guid? ReservingOrderId, Guid? ReleasingOrderId, TrafficOrderStatus? ReleasingStatus, RemovalTrafficOrder Rule);

/// <summary>
/// Finds the traffic order a removal needs (<see cref="RemovalTrafficOrder"/>): of the live orders that hold the spot, the
/// latest; of the live amendments of those orders, the one that leaves the spot out (a published one before a draft).
/// </summary>
internal sealed class RemovalTrafficOrders(PortalDbContext db)
{
    public async Task<RemovalOrders> OfSpotAsync(Guid spotId, CancellationToken ct)
    {
        var reserving = await db.TrafficOrders.AsNoTracking().Include(o => o.Locations)
            .Where(o => o.Status != TrafficOrderStatus.Withdrawn && o.Locations.Any(l => l.SpotId == spotId))
            .ToListAsync(ct);
        if (reserving.Count == 0)
            return new RemovalOrders(null, null, null, RemovalTrafficOrder.None);
        var ids = reserving.Select(o => o.Id).ToList();
        var amendments = await db.TrafficOrders.AsNoTracking().Include(o => o.Locations)
            .Where(o => o.AmendsOrderId != null && ids.Contains(o.AmendsOrderId.Value) && o.Status != TrafficOrderStatus.Withdrawn)
            .ToListAsync(ct);
        var releasing = amendments
            .Where(a => TrafficOrderAmendment.Of(reserving.Single(r => r.Id == a.AmendsOrderId), a).Released.Contains(spotId))
            .OrderByDescending(a => a.PublishedOn is not null).ThenByDescending(a => a.CreatedAtUtc)
            .FirstOrDefault();
        var reservedBy = releasing is not null
            ? reserving.Single(r => r.Id == releasing.AmendsOrderId)
            : reserving.OrderByDescending(r => r.PublishedOn is not null).ThenByDescending(r => r.CreatedAtUtc).First();
        return new RemovalOrders(reservedBy.Id, releasing?.Id, releasing?.Status,
            new RemovalTrafficOrder(reservedBy.Reference, releasing?.Reference, releasing?.PublishedOn is not null));
    }
}
