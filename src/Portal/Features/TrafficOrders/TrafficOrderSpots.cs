using Microsoft.EntityFrameworkCore;
using Portal.Domain.Spots;
using Portal.Domain.TrafficOrders;
using Portal.Features.Map;
using Portal.Integration.Persistence;

namespace Portal.Features.TrafficOrders;

/// <summary>
/// Keeps the spots of an order in step with it: planned once it is published, ready for installation once
/// it is final, and back to where they were when a published order is revoked. Called after every step,
/// before saving, so the order and its spots change together or not at all; <see cref="Saved"/> after it.
/// </summary>
internal sealed class TrafficOrderSpots(PortalDbContext db, MapIndexCache maps)
{
    public async Task FollowAsync(TrafficOrder order, TrafficOrderActor by, DateTime nowUtc, CancellationToken ct)
    {
        var published = order.PublishedOn is not null;
        if (!published)
            return;
        var ids = order.Locations.Select(l => l.SpotId).ToList();
        var spots = await db.Spots.Include(s => s.History).Where(s => ids.Contains(s.Id)).ToListAsync(ct);
        var actor = new SpotActor(by.UserId, by.Name);
        foreach (var spot in spots)
        {
            switch (order.Status)
            {
                case TrafficOrderStatus.Published or TrafficOrderStatus.ObjectionsReceived
                    when !SpotStatusRule.IsHeldByOrder(spot.Status) && spot.Status != SpotStatus.Realised:
                    spot.FollowOrderPublished(order.Reference, actor, nowUtc);
                    break;
                case TrafficOrderStatus.Final:
                    spot.FollowOrderFinal(order.Reference, actor, nowUtc);
                    break;
                case TrafficOrderStatus.Withdrawn:
                    spot.FollowOrderRevoked(order.Reference, order.History[^1].Reason ?? "", actor, nowUtc);
                    break;
            }
        }
    }

    /// <summary>After the save: the maps show the spots' new statuses.</summary>
    public void Saved(TrafficOrder order)
    {
        if (order.PublishedOn is null)
            return;
        maps.InvalidateSpots(order.MunicipalityId);
        maps.InvalidatePlannedLocations();
    }
}
