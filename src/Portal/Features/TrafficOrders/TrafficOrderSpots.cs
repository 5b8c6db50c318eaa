using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Domain.Spots;
using Portal.Domain.TrafficOrders;
using Portal.Features.Map;
using Portal.Integration.Persistence;
using Portal.Resources;

namespace Portal.Features.TrafficOrders;

/// <summary>
/// Keeps the spots of an order in step with it: planned once it is published, ready for installation once
/// it is final, and back to where they were when a published order is revoked. Called after every step,
/// before saving, so the order and its spots change together or not at all; <see cref="Saved"/> after it.
/// An amending order (<see cref="TrafficOrderAmendment"/>) takes over the spots it keeps of the order it
/// amends and releases the others when it is published; revoked, it gives them back to that order. The
/// amended order no longer moves the spots a published amendment released, and its revocation leaves the
/// spots the amendment took over with the amendment.
/// </summary>
internal sealed class TrafficOrderSpots(PortalDbContext db, MapIndexCache maps, IStringLocalizer<Texts> T)
{
    public async Task FollowAsync(TrafficOrder order, TrafficOrderActor by, DateTime nowUtc, CancellationToken ct)
    {
        if (order.PublishedOn is null)
            return;
        var amended = order.AmendsOrderId is { } amendedId
            ? await db.TrafficOrders.AsNoTracking().Include(o => o.Locations).SingleAsync(o => o.Id == amendedId, ct)
            : null;
        var amendment = amended is null ? null : TrafficOrderAmendment.Of(amended, order);
        var heldByAmendments = await PublishedAmendmentsAsync(order, ct);

        var ids = order.Locations.Select(l => l.SpotId).Concat(amendment?.Released ?? Enumerable.Empty<Guid>()).ToList();
        var spots = await db.Spots.Include(s => s.History).Where(s => ids.Contains(s.Id)).ToListAsync(ct);
        var actor = new SpotActor(by.UserId, by.Name);
        foreach (var spot in spots)
        {
            if (heldByAmendments.Released.Contains(spot.Id)
                || (order.Status == TrafficOrderStatus.Withdrawn && heldByAmendments.TakenOver.Contains(spot.Id)))
                continue;
            if (amendment is not null && amendment.Released.Contains(spot.Id))
            {
                FollowReleased(spot, order, amended!, actor, nowUtc);
                continue;
            }
            switch (order.Status)
            {
                case TrafficOrderStatus.Published or TrafficOrderStatus.ObjectionsReceived
                    when !SpotStatusRule.IsHeldByOrder(spot.Status) && spot.Status != SpotStatus.Realised:
                    spot.FollowOrderPublished(order.Reference, actor, nowUtc);
                    break;
                case TrafficOrderStatus.Final:
                    spot.FollowOrderFinal(order.Reference, actor, nowUtc);
                    break;
                case TrafficOrderStatus.Withdrawn when amendment is null || !amendment.TakenOver.Contains(spot.Id):
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

    /// <summary>A spot the amendment drops: free while the amendment stands, the amended order's again once it is revoked.</summary>
    private void FollowReleased(Spot spot, TrafficOrder amending, TrafficOrder amended, SpotActor actor, DateTime nowUtc)
    {
        if (amending.Status != TrafficOrderStatus.Withdrawn)
        {
            spot.FollowOrderRevoked(amended.Reference, T["TrafficOrder.ReleasedByAmendment", amending.Reference], actor, nowUtc);
            return;
        }
        if (SpotStatusRule.IsHeldByOrder(spot.Status) || !SpotStatusRule.CanBeOrdered(spot.Status) || amended.Status == TrafficOrderStatus.Withdrawn)
            return;
        spot.FollowOrderPublished(amended.Reference, actor, nowUtc);
        if (amended.Status == TrafficOrderStatus.Final)
            spot.FollowOrderFinal(amended.Reference, actor, nowUtc);
    }

    /// <summary>The spots of this order that published, live orders amending it left out, and those they took over.</summary>
    private async Task<(IReadOnlySet<Guid> Released, IReadOnlySet<Guid> TakenOver)> PublishedAmendmentsAsync(TrafficOrder order, CancellationToken ct)
    {
        var amendments = (await db.TrafficOrders.AsNoTracking().Include(o => o.Locations)
            .Where(o => o.AmendsOrderId == order.Id && o.PublishedOn != null && o.Status != TrafficOrderStatus.Withdrawn)
            .ToListAsync(ct)).Select(a => TrafficOrderAmendment.Of(order, a)).ToList();
        return (amendments.SelectMany(a => a.Released).ToHashSet(), amendments.SelectMany(a => a.TakenOver).ToHashSet());
    }
}
