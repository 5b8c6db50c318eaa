using Microsoft.EntityFrameworkCore;
using Portal.Domain.Geography;
using Portal.Domain.Spots;
using Portal.Domain.Terms;
using Portal.Domain.TrafficOrders;
using Portal.Tests.Infrastructure;
using Portal.Tests.Applications;

namespace Portal.Tests.TrafficOrders;

/// <summary>A traffic order with its locations, objections, clock and history survives a round trip through the database, on every provider.</summary>
public sealed class StoringTrafficOrdersTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private static readonly TrafficOrderActor Officer = new("officer-1", "Officer One");
    private static readonly TermsCalendar Calendar = TermsCalendar.Default;

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    private static DateTime Noon(DateOnly day) => TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(12, 0)), Portal.Domain.Common.DutchCalendar.TimeZone);

    [Fact]
    public async Task AnOrderWithAnObjection_ReadsBackAsItWasSaved()
    {
        var arnhem = await OfficerTestData.ArnhemAsync(app);
        var spot = Spot.Create(arnhem, Coordinate.FromWgs84(OfficerTestData.ParkLatitude, OfficerTestData.ParkLongitude),
            new SpotDetails("Sonsbeekweg 12", 2, SpotSetUp.OnPavement, null, null, null, null), new SpotActor("test", "Test"), Noon(D(2026, 2, 1)));
        var order = TrafficOrder.Draft(arnhem, "VB-2026-0901", "Oplaadplaatsen Sonsbeek", TrafficOrderRoute.Direct, Officer, Noon(D(2026, 2, 2)));
        order.AddLocation(spot.Id, "Sonsbeekweg", "12", spot.Position, 2, PlannedSign.Create(SignBoard.E8, null, "ma-vr 8-20 h", 120), Noon(D(2026, 2, 2)));
        order.RecordPoliceConsultation(D(2026, 2, 20), "Geen bezwaar.", Officer, Noon(D(2026, 2, 20)));
        order.Decide(D(2026, 3, 4), Officer, Noon(D(2026, 3, 4)), Calendar);
        order.Publish(Publication.Create(PublicationChannel.Gemeenteblad, D(2026, 3, 5), "gmb-2026-100001"), Officer, Noon(D(2026, 3, 5)));
        var objection = order.Receive(ObjectionKind.Objection,
            ObjectionSubmission.Create("J. de Vries", "Sonsbeekweg 14, 6814 AA Arnhem", "j.devries@example.nl", "Geen ruimte voor de vuilniswagen."),
            "BZ-2026-0001", Noon(D(2026, 4, 1)), Calendar);
        objection.UseAdvisoryCommittee(true, D(2026, 4, 20), Calendar);
        objection.AskForRepair(D(2026, 4, 21), Calendar);
        objection.RepairReceived(D(2026, 4, 24), Calendar);
        objection.ExtendDecisionTerm(D(2026, 6, 1), Calendar);
        objection.DeferDecision(D(2026, 8, 1), D(2026, 10, 1), DeferralGround.ObjectorConsented, Calendar);
        await OfficerTestData.ReadAsync(app, async db =>
        {
            db.Spots.Add(spot);
            db.TrafficOrders.Add(order);
            return await db.SaveChangesAsync();
        });

        var stored = await OfficerTestData.ReadAsync(app, db => db.TrafficOrders.AsNoTracking()
            .Include(o => o.Locations).Include(o => o.Objections).Include(o => o.History)
            .SingleAsync(o => o.Id == order.Id));

        Assert.Equal((TrafficOrderStatus.ObjectionsReceived, D(2026, 3, 5), "gmb-2026-100001"), (stored.Status, stored.PublishedOn, stored.JournalReference));
        Assert.Equal(D(2026, 4, 16), stored.ObjectionTerm(Calendar)!.LastDay);
        var location = Assert.Single(stored.Locations);
        Assert.Equal(("E08", "ma-vr 8-20 h", 120, SignPlacement.Planned), (location.Sign.RvvCode, location.TimeWindow, location.MaxParkingMinutes, location.SignStatus));
        Assert.Equal(spot.Position.X, location.RdX, 3);
        var back = Assert.Single(stored.Objections);
        Assert.Equal(("BZ-2026-0001", D(2026, 4, 1), false), (back.Reference, back.ReceivedOn, back.IsLate));
        Assert.Equal([new RepairPause(D(2026, 4, 21), D(2026, 4, 24))], back.RepairPauses);
        Assert.Equal(D(2026, 10, 1), back.DecisionTerm(Calendar).LastDay(D(2026, 8, 1)));
        Assert.Equal(
            [TrafficOrderStatus.Draft, TrafficOrderStatus.PoliceConsulted, TrafficOrderStatus.Decided, TrafficOrderStatus.Published, TrafficOrderStatus.ObjectionsReceived],
            stored.History.OrderBy(h => h.Id).Select(h => h.To));
    }
}
