using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Geography;
using Portal.Domain.Installations;
using Portal.Domain.Spots;
using Portal.Domain.Terms;
using Portal.Domain.TrafficOrders;
using Portal.Integration.Accounts;
using Portal.Integration.Persistence;

namespace Portal.Features.Demo;

/// <summary>
/// Demo mode: four spots of the municipality's own plan in one collection traffic order, published some 250 days ago
/// and final, each with an installation case of the demo operator under the demo contract, at a different point: placed
/// and waiting for commissioning (after a grid connection the grid operator delivered late), a grid connection overdue
/// against the ACM norm, paused for want of grid capacity, and just assigned. So the installation board, the lead
/// times, the CPO's workspace and the sign register have something to show. Every step goes through the aggregates;
/// seeds once (the order's title is the mark).
/// </summary>
internal sealed class DemoInstallations(PortalDbContext db, UserManager<PortalUser> users, TimeProvider clock, ILogger<DemoInstallations> logger)
{
    public const string OrderTitle = "Laadplekken Arnhem, plan van de gemeente (demo)";

    private sealed record PlannedSpot(string Street, string Number, double Latitude, double Longitude);

    private static readonly PlannedSpot[] Spots =
    [
        new("Sonsbeeksingel", "40", 51.98655, 5.90402),
        new("Velperweg", "60", 51.98291, 5.92950),
        new("Kastanjelaan", "12", 51.98402, 5.91903),
        new("Schependomlaan", "30", 51.99352, 5.88801),
    ];

    public async Task SeedAsync(Guid municipalityId, Guid operatorId, Guid? contractId, CancellationToken ct = default)
    {
        if (await db.TrafficOrders.AnyAsync(o => o.MunicipalityId == municipalityId && o.Title == OrderTitle, ct))
            return;
        var officerUser = await users.FindByEmailAsync(DemoApplications.DemoOfficer);
        var cpoUser = await users.FindByEmailAsync(DemoContract.DemoCpo);
        if (officerUser is null || cpoUser is null)
            return;
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DutchCalendar.Day(now);
        DateOnly Day(int daysAgo) => today.AddDays(-daysAgo);
        DateTime At(int daysAgo, int hour = 10) => DutchCalendar.Utc(today.AddDays(-daysAgo), new TimeOnly(hour, 0));

        var spotActor = new SpotActor(officerUser.Id, officerUser.DisplayName);
        var spots = Spots.Select(p =>
        {
            var spot = Spot.Create(municipalityId, Coordinate.FromWgs84(p.Latitude, p.Longitude),
                new SpotDetails($"{p.Street} {p.Number}", 2, SpotSetUp.OnPavement, null, null, null, "Plan van de gemeente: laadpaal bij de parkeerhaven"),
                spotActor, At(280));
            spot.ChangeStatus(SpotStatus.Approved, spotActor, At(275), "Gekozen in het plaatsingsplan");
            return spot;
        }).ToList();

        var orderActor = new TrafficOrderActor(officerUser.Id, officerUser.DisplayName);
        var calendar = TermsCalendar.Default;
        var orderReference = YearlyReference.Next(YearlyReference.Prefix("VB", Day(260).Year),
            await db.TrafficOrders.Where(o => o.MunicipalityId == municipalityId).Select(o => o.Reference).ToListAsync(ct));
        var order = TrafficOrder.Draft(municipalityId, orderReference, OrderTitle, TrafficOrderRoute.Direct, orderActor, At(260));
        for (var i = 0; i < spots.Count; i++)
            order.AddLocation(spots[i].Id, Spots[i].Street, Spots[i].Number, spots[i].Position, 2, PlannedSign.ForCharging(SignBoard.E4), At(260));
        order.RecordPoliceConsultation(Day(258), "De politie heeft geen bezwaar tegen de reservering van deze parkeerplaatsen.", orderActor, At(258));
        order.Decide(Day(255), orderActor, At(255), calendar);
        order.Publish(Publication.Create(PublicationChannel.Gemeenteblad, Day(250), string.Create(CultureInfo.InvariantCulture, $"gmb-{Day(250).Year}-demo-laadplekken")), orderActor, At(250));
        order.BecomeFinal(today, TrafficOrderActor.Portal, now, calendar);
        foreach (var spot in spots)
        {
            spot.FollowOrderPublished(order.Reference, spotActor, At(250));
            spot.FollowOrderFinal(order.Reference, new SpotActor(TrafficOrderActor.Portal.UserId, TrafficOrderActor.Portal.Name), now);
        }

        var officer = new InstallationActor(officerUser.Id, officerUser.DisplayName);
        var cpo = new InstallationActor(cpoUser.Id, cpoUser.DisplayName);
        var taken = await db.InstallationCases.Where(c => c.MunicipalityId == municipalityId).Select(c => c.Reference).ToListAsync(ct);
        InstallationCase Open(Spot spot, int daysAgo)
        {
            var reference = YearlyReference.Next(YearlyReference.Prefix("IN", Day(daysAgo).Year), taken);
            taken.Add(reference);
            return InstallationCase.Open(municipalityId, reference, InstallationCaseKind.NewChargePoint, spot.Id, operatorId, contractId, officer, At(daysAgo, 9));
        }
        void Report(InstallationCase c, InstallationStep step, int daysAgo, string? comment = null) => c.Report(step, Day(daysAgo), comment, cpo, Day(daysAgo), At(daysAgo, 15));

        // Placed and signed, waiting for the CPO's data to prove it is live; the grid operator was 11 days late.
        var placed = Open(spots[0], 200);
        Report(placed, InstallationStep.AcceptedByCpo, 196);
        Report(placed, InstallationStep.LocationProposalChecked, 185, "Geen bomen of kabels in de weg; Liander akkoord met de aansluitplek.");
        Report(placed, InstallationStep.NeighboursInformed, 180, "Brief bezorgd bij de nummers 30 tot en met 50.");
        placed.RequestGridConnection(new GridConnectionRequest("Liander", "LIA-AANSL-482113", GridConnectionKind.NewOrWithGroundwork, Day(175)), null, cpo, Day(175), At(175, 15));
        placed.RecordGridConnected(Day(38), cpo, Day(38), At(38, 15));
        Report(placed, InstallationStep.DigNotificationMade, 30, "KLIC-melding 26G104233.");
        Report(placed, InstallationStep.DiggingPermitted, 25);
        Report(placed, InstallationStep.ChargePointPlaced, 10, "Alfen Eve Double Pro-line geplaatst en aangesloten.");
        Report(placed, InstallationStep.SignsPlaced, 8, "Bord E4 met onderbord 'opladen elektrische voertuigen' op beide plaatsen.");
        order.MarkSignsPlaced(spots[0].Id, At(8, 15));

        // The grid connection (a change without groundwork, 12 weeks) is overdue.
        var waiting = Open(spots[1], 150);
        Report(waiting, InstallationStep.AcceptedByCpo, 147);
        Report(waiting, InstallationStep.LocationProposalChecked, 140);
        waiting.RequestGridConnection(new GridConnectionRequest("Liander", "LIA-AANSL-479902", GridConnectionKind.ChangeWithoutGroundwork, Day(130)), null, cpo, Day(130), At(130, 15));
        Report(waiting, InstallationStep.NeighboursInformed, 126);

        // Paused: the grid operator has no capacity here yet.
        var paused = Open(spots[2], 120);
        Report(paused, InstallationStep.AcceptedByCpo, 118);
        Report(paused, InstallationStep.LocationProposalChecked, 110);
        paused.Pause("Liander meldt congestie op het net in dit gebied; een nieuwe aansluiting kan pas na de netverzwaring.", officer, At(100, 11));

        // Just assigned: the CPO has not accepted yet.
        var assigned = Open(spots[3], 6);

        db.Spots.AddRange(spots);
        db.TrafficOrders.Add(order);
        db.InstallationCases.AddRange(placed, waiting, paused, assigned);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Demo: traffic order {Reference} with {Spots} spots and as many installation cases", order.Reference, spots.Count);
    }
}
