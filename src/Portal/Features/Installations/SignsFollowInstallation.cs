using Microsoft.EntityFrameworkCore;
using Portal.Domain.Installations;
using Portal.Domain.TrafficOrders;
using Portal.Integration.Persistence;

namespace Portal.Features.Installations;

/// <summary>
/// When a case reports its signs and road markings placed, the signs of the case's spot in its published or final
/// traffic order move from planned to placed, so the sign register shows them standing. Runs in the save of the step.
/// A removal's "signs removed" is refused until the amendment that ends the reservation is published
/// (<see cref="RemovalTrafficOrder"/>); the orders themselves are left alone.
/// </summary>
internal sealed class SignsFollowInstallation(PortalDbContext db, RemovalTrafficOrders removals)
{
    public async Task FollowAsync(InstallationCase installation, DateTime nowUtc, CancellationToken ct)
    {
        if (installation.Kind == InstallationCaseKind.Removal)
        {
            (await removals.OfSpotAsync(installation.SpotId, ct)).Rule.RequireFor(installation, InstallationStep.SignsPlaced);
            return;
        }
        if (!installation[InstallationStep.SignsPlaced].IsDone)
            return;
        var spotId = installation.SpotId;
        var orders = await db.TrafficOrders.Include(o => o.Locations)
            .Where(o => (o.Status == TrafficOrderStatus.Published || o.Status == TrafficOrderStatus.ObjectionsReceived || o.Status == TrafficOrderStatus.Final)
                && o.Locations.Any(l => l.SpotId == spotId && l.SignStatus != SignPlacement.Placed))
            .ToListAsync(ct);
        foreach (var order in orders)
            order.MarkSignsPlaced(spotId, nowUtc);
    }
}
