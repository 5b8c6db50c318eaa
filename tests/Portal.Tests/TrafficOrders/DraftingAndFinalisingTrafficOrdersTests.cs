using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Accounts;
using Portal.Domain.Common;
using Portal.Domain.Geography;
using Portal.Domain.Spots;
using Portal.Domain.TrafficOrders;
using Portal.Features.TrafficOrders;
using Portal.Tests.Applications;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.TrafficOrders;

/// <summary>The officer's traffic-order service over the real app and database: drafting from spots, the steps, and the daily turn to final.</summary>
public sealed class DraftingAndFinalisingTrafficOrdersTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private static DateOnly Today => DutchCalendar.Day(DateTime.UtcNow);

    private async Task<T> CallAsync<T>(Func<TrafficOrderService, Task<T>> call)
    {
        await using var scope = app.App.Services.CreateAsyncScope();
        return await call(scope.ServiceProvider.GetRequiredService<TrafficOrderService>());
    }

    private async Task<Guid> SpotAsync(Guid municipalityId, string address, SpotStatus status, double offset)
    {
        return await OfficerTestData.ReadAsync(app, async db =>
        {
            var actor = new SpotActor("test", "Test");
            var spot = Spot.Create(municipalityId, Coordinate.FromWgs84(OfficerTestData.ParkLatitude + offset, OfficerTestData.ParkLongitude),
                new SpotDetails(address, 2, SpotSetUp.OnPavement, null, null, null, null), actor, DateTime.UtcNow);
            if (status != SpotStatus.Candidate)
                spot.ChangeStatus(status, actor, DateTime.UtcNow, "Getoetst");
            db.Spots.Add(spot);
            await db.SaveChangesAsync();
            return spot.Id;
        });
    }

    private async Task<(ClaimsPrincipal Officer, Guid Arnhem)> OfficerAsync() =>
        (await app.PrincipalOfAsync(DemoAccounts.Officer), await OfficerTestData.ArnhemAsync(app));

    [Fact]
    public async Task ACollectionOrder_IsDraftedFromApprovedSpots_WithItsOwnReference()
    {
        var (officer, arnhem) = await OfficerAsync();
        var first = await SpotAsync(arnhem, "Sonsbeekweg 12a", SpotStatus.Approved, 0.0001);
        var second = await SpotAsync(arnhem, "Apeldoornseweg 3", SpotStatus.Reserved, 0.0002);

        var step = await CallAsync(s => s.DraftAsync(officer, new TrafficOrderDraft(arnhem, "Laadplekken Sonsbeek", TrafficOrderRoute.Direct, [first, second], SignBoard.E8)));

        Assert.True(step.Succeeded, step.Error);
        var order = await CallAsync(s => s.FindAsync(officer, step.OrderId!.Value));
        Assert.NotNull(order);
        Assert.Matches($"^VB-{Today.Year}-\\d{{4}}$", order.Reference);
        Assert.Equal(TrafficOrderStatus.Draft, order.Status);
        Assert.Equal([("Apeldoornseweg", "3"), ("Sonsbeekweg", "12a")], order.Locations.OrderBy(l => l.Street, StringComparer.Ordinal).Select(l => (l.Street, l.NearestHouseNumber)));
        Assert.All(order.Locations, l => Assert.Equal(("E08", "opladen van elektrische voertuigen", 2), (l.Sign.RvvCode, l.SubSign, l.Bays)));

        var third = await SpotAsync(arnhem, "Zijpendaalseweg 40", SpotStatus.Approved, 0.0003);
        var next = await CallAsync(s => s.DraftAsync(officer, new TrafficOrderDraft(arnhem, "Nog een", TrafficOrderRoute.PublicPreparation, [third], SignBoard.E4)));
        var number = int.Parse(order.Reference[^4..], CultureInfo.InvariantCulture);
        Assert.Equal($"VB-{Today.Year}-{number + 1:D4}", (await CallAsync(s => s.FindAsync(officer, next.OrderId!.Value)))!.Reference);
    }

    [Fact]
    public async Task ASpotInALiveOrder_IsRefused_UntilThatOrderIsWithdrawn()
    {
        var (officer, arnhem) = await OfficerAsync();
        var spot = await SpotAsync(arnhem, "Parkweg 7", SpotStatus.Approved, 0.0011);
        var first = await CallAsync(s => s.DraftAsync(officer, new TrafficOrderDraft(arnhem, "Eerste", TrafficOrderRoute.Direct, [spot], SignBoard.E4)));
        var reference = (await CallAsync(s => s.FindAsync(officer, first.OrderId!.Value)))!.Reference;

        var refused = await CallAsync(s => s.DraftAsync(officer, new TrafficOrderDraft(arnhem, "Tweede", TrafficOrderRoute.Direct, [spot], SignBoard.E4)));

        Assert.False(refused.Succeeded);
        Assert.Equal($"De plek Parkweg 7 staat al in verkeersbesluit {reference}.", refused.Error);

        Assert.True((await CallAsync(s => s.WithdrawAsync(officer, first.OrderId!.Value, "Andere indeling gekozen."))).Succeeded);
        Assert.True((await CallAsync(s => s.DraftAsync(officer, new TrafficOrderDraft(arnhem, "Tweede", TrafficOrderRoute.Direct, [spot], SignBoard.E4)))).Succeeded);
    }

    [Fact]
    public async Task ACandidateSpot_IsNotReadyForAnOrder()
    {
        var (officer, arnhem) = await OfficerAsync();
        var spot = await SpotAsync(arnhem, "Rijnkade 1", SpotStatus.Candidate, 0.0021);

        var refused = await CallAsync(s => s.DraftAsync(officer, new TrafficOrderDraft(arnhem, "Rijnkade", TrafficOrderRoute.Direct, [spot], SignBoard.E4)));

        Assert.Equal("De plek Rijnkade 1 heeft status ‘Kandidaat’; een verkeersbesluit reserveert alleen goedgekeurde of gereserveerde plekken.", refused.Error);
        Assert.Equal(0, await OfficerTestData.ReadAsync(app, db => db.TrafficOrders.CountAsync(o => o.Title == "Rijnkade")));
    }

    [Fact]
    public async Task AnotherMunicipalitysOfficer_CannotSeeOrStepTheOrder()
    {
        var (officer, arnhem) = await OfficerAsync();
        var spot = await SpotAsync(arnhem, "Velperweg 2", SpotStatus.Approved, 0.0031);
        var step = await CallAsync(s => s.DraftAsync(officer, new TrafficOrderDraft(arnhem, "Alleen Arnhem", TrafficOrderRoute.Direct, [spot], SignBoard.E4)));
        var utrecht = await OfficerTestData.MunicipalityAsync(app, "GM0344", "Utrecht");
        await OfficerTestData.UserAsync(app, "ute@traffic-orders.test", "Ute Utrecht", PortalRoles.Officer, utrecht);
        var other = await app.PrincipalOfAsync("ute@traffic-orders.test");

        Assert.Null(await CallAsync(s => s.FindAsync(other, step.OrderId!.Value)));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => CallAsync(s => s.WithdrawAsync(other, step.OrderId!.Value, "Niet van mij.")));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => CallAsync(s => s.DraftAsync(other, new TrafficOrderDraft(arnhem, "Inbraak", TrafficOrderRoute.Direct, [], SignBoard.E4))));
    }

    [Fact]
    public async Task AnOrderWhoseTermLapsed_BecomesFinal_OneStillRunningDoesNot()
    {
        var (officer, arnhem) = await OfficerAsync();
        var lapsed = await PublishedAsync(officer, arnhem, "Verlopen termijn", Today.AddDays(-60), 0.0041);
        var running = await PublishedAsync(officer, arnhem, "Lopende termijn", Today.AddDays(-1), 0.0042);

        await CallAsync(s => s.MakeFinalWhereDueAsync());
        var again = await CallAsync(s => s.MakeFinalWhereDueAsync());

        Assert.Equal(0, again);   // a second run finds nothing left to do
        var final = (await CallAsync(s => s.FindAsync(officer, lapsed)))!;
        Assert.Equal(TrafficOrderStatus.Final, final.Status);
        Assert.Equal(("portal", TrafficOrderStatus.Published), (final.History.OrderBy(h => h.Id).Last().ByUserId, final.History.OrderBy(h => h.Id).Last().From));
        Assert.Equal(TrafficOrderStatus.Published, (await CallAsync(s => s.FindAsync(officer, running)))!.Status);
    }

    [Fact]
    public async Task AStepTheRuleRefuses_SaysWhyInDutch_AndChangesNothing()
    {
        var (officer, arnhem) = await OfficerAsync();
        var spot = await SpotAsync(arnhem, "Amsterdamseweg 9", SpotStatus.Approved, 0.0051);
        var step = await CallAsync(s => s.DraftAsync(officer, new TrafficOrderDraft(arnhem, "Te vroeg", TrafficOrderRoute.Direct, [spot], SignBoard.E4)));

        var refused = await CallAsync(s => s.DecideAsync(officer, step.OrderId!.Value, Today));

        Assert.Equal("Een verkeersbesluit met status ‘Concept’ kan niet naar ‘Genomen’.", refused.Error);
        Assert.Equal(TrafficOrderStatus.Draft, (await CallAsync(s => s.FindAsync(officer, step.OrderId!.Value)))!.Status);
    }

    [Fact]
    public async Task TheSpots_FollowTheOrder_PlannedWhenPublished_ReadyForInstallationWhenFinal()
    {
        var (officer, arnhem) = await OfficerAsync();
        var order = await PublishedAsync(officer, arnhem, "Spots volgen", Today.AddDays(-60), 0.0061);
        var spotId = (await CallAsync(s => s.FindAsync(officer, order)))!.Locations.Single().SpotId;
        Assert.Equal(SpotStatus.Planned, await SpotStatusAsync(spotId));

        await CallAsync(s => s.MakeFinalWhereDueAsync());

        var spot = await OfficerTestData.ReadAsync(app, db => db.Spots.Include(s => s.History).SingleAsync(s => s.Id == spotId));
        Assert.Equal(SpotStatus.ReadyForInstallation, spot.Status);
        Assert.Equal([(SpotChangeKind.FollowedOrder, "Approved", "Planned"), (SpotChangeKind.FollowedOrder, "Planned", "ReadyForInstallation")],
            spot.History.OrderBy(h => h.Id).Where(h => h.Kind == SpotChangeKind.FollowedOrder).Select(h => (h.Kind, h.From, h.To)));
    }

    [Fact]
    public async Task ARevokedOrder_ReturnsItsSpotsToWhereTheyWere_WithTheReason()
    {
        var (officer, arnhem) = await OfficerAsync();
        var order = await PublishedAsync(officer, arnhem, "Herroepen", Today.AddDays(-3), 0.0071);
        var found = (await CallAsync(s => s.FindAsync(officer, order)))!;
        var spotId = found.Locations.Single().SpotId;
        Assert.Null((await CallAsync(s => s.StartInstallationBeforeFinalAsync(officer, order, spotId, "Netbeheerder kan nu aansluiten."))).Error);
        Assert.Equal(SpotStatus.ReadyForInstallation, await SpotStatusAsync(spotId));

        Assert.Null((await CallAsync(s => s.WithdrawAsync(officer, order, "Ingetrokken: verkeerde kant van de straat."))).Error);

        var spot = await OfficerTestData.ReadAsync(app, db => db.Spots.Include(s => s.History).SingleAsync(s => s.Id == spotId));
        Assert.Equal(SpotStatus.Approved, spot.Status);
        Assert.Equal($"{found.Reference}: Ingetrokken: verkeerde kant van de straat.", spot.History.OrderBy(h => h.Id).Last().Reason);
    }

    [Fact]
    public async Task StartingInstallationEarly_IsRefusedForADraft_AndForASpotOutsideTheOrder()
    {
        var (officer, arnhem) = await OfficerAsync();
        var spot = await SpotAsync(arnhem, "Vroeg 1", SpotStatus.Approved, 0.0081);
        var draft = await CallAsync(s => s.DraftAsync(officer, new TrafficOrderDraft(arnhem, "Vroeg", TrafficOrderRoute.Direct, [spot], SignBoard.E4)));

        var refused = await CallAsync(s => s.StartInstallationBeforeFinalAsync(officer, draft.OrderId!.Value, spot, "Snel."));

        Assert.Equal("De installatie kan pas beginnen als het verkeersbesluit is gepubliceerd.", refused.Error);
        Assert.Equal(SpotStatus.Approved, await SpotStatusAsync(spot));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => CallAsync(s => s.StartInstallationBeforeFinalAsync(officer, draft.OrderId!.Value, Guid.NewGuid(), "Snel.")));
    }

    [Fact]
    public async Task ASpotRejectedWhileItsOrderWasADraft_StopsThePublication()
    {
        var (officer, arnhem) = await OfficerAsync();
        var spot = await SpotAsync(arnhem, "Afgewezen 1", SpotStatus.Approved, 0.0091);
        var draft = await CallAsync(s => s.DraftAsync(officer, new TrafficOrderDraft(arnhem, "Afgewezen", TrafficOrderRoute.Direct, [spot], SignBoard.E4)));
        var id = draft.OrderId!.Value;
        Assert.Null((await CallAsync(s => s.RecordPoliceConsultationAsync(officer, id, Today.AddDays(-5), "Geen bezwaar."))).Error);
        Assert.Null((await CallAsync(s => s.DecideAsync(officer, id, Today.AddDays(-1)))).Error);
        await OfficerTestData.ReadAsync(app, async db =>
        {
            var stored = await db.Spots.Include(s => s.History).SingleAsync(s => s.Id == spot);
            stored.ChangeStatus(SpotStatus.Rejected, new SpotActor("test", "Test"), DateTime.UtcNow, "Boom in de weg.");
            return await db.SaveChangesAsync();
        });

        var refused = await CallAsync(s => s.PublishAsync(officer, id, PublicationChannel.Gemeenteblad, Today, "gmb-afgewezen"));

        Assert.Equal("De plek Afgewezen 1 heeft status ‘Afgewezen’; een verkeersbesluit reserveert alleen goedgekeurde of gereserveerde plekken.", refused.Error);
        Assert.Equal(TrafficOrderStatus.Decided, (await CallAsync(s => s.FindAsync(officer, id)))!.Status);
    }

    private Task<SpotStatus> SpotStatusAsync(Guid spotId) =>
        OfficerTestData.ReadAsync(app, db => db.Spots.Where(s => s.Id == spotId).Select(s => s.Status).SingleAsync());

    private async Task<Guid> PublishedAsync(ClaimsPrincipal officer, Guid arnhem, string title, DateOnly publishedOn, double offset)
    {
        var spot = await SpotAsync(arnhem, $"{title} 1", SpotStatus.Approved, offset);
        var draft = await CallAsync(s => s.DraftAsync(officer, new TrafficOrderDraft(arnhem, title, TrafficOrderRoute.Direct, [spot], SignBoard.E4)));
        var id = draft.OrderId!.Value;
        Assert.Null((await CallAsync(s => s.RecordPoliceConsultationAsync(officer, id, publishedOn.AddDays(-10), "Geen bezwaar."))).Error);
        Assert.Null((await CallAsync(s => s.DecideAsync(officer, id, publishedOn.AddDays(-1)))).Error);
        Assert.Null((await CallAsync(s => s.PublishAsync(officer, id, PublicationChannel.Gemeenteblad, publishedOn, "gmb-test-" + title))).Error);
        return id;
    }
}
