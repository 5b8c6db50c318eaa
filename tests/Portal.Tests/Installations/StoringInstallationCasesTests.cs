using Microsoft.EntityFrameworkCore;
using Portal.Domain.ChargePoints;
using Portal.Domain.Geography;
using Portal.Domain.Installations;
using Portal.Domain.Spots;
using Portal.Tests.Applications;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Installations;

/// <summary>An installation case with its steps, grid connection, commissioning and history survives a round trip through the database, on every provider.</summary>
public sealed class StoringInstallationCasesTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private static readonly InstallationActor Cpo = new("cpo-1", "Planner CPO");

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    private static DateTime Noon(DateOnly day) => TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(12, 0)), Portal.Domain.Common.DutchCalendar.TimeZone);

    [Fact]
    public async Task ACaseThroughCommissioning_ReadsBackAsItWasSaved()
    {
        var arnhem = await OfficerTestData.ArnhemAsync(app);
        var operatorId = await OfficerTestData.ReadAsync(app, db => db.Operators.Select(o => o.Id).FirstAsync());
        var spot = Spot.Create(arnhem, Coordinate.FromWgs84(OfficerTestData.ParkLatitude, OfficerTestData.ParkLongitude),
            new SpotDetails("Sonsbeekweg 12", 2, SpotSetUp.OnPavement, null, null, null, null), new SpotActor("test", "Test"), Noon(D(2026, 2, 1)));
        var today = D(2026, 12, 7);
        var installation = InstallationCase.Open(arnhem, "IN-2026-0901", InstallationCaseKind.NewChargePoint, spot.Id, operatorId, null, new InstallationActor("officer-1", "Officer"), Noon(D(2026, 3, 1)));
        installation.Report(InstallationStep.AcceptedByCpo, D(2026, 3, 2), "Akkoord", Cpo, today, Noon(D(2026, 3, 2)));
        installation.Plan(InstallationStep.NeighboursInformed, D(2026, 3, 20), Cpo, Noon(D(2026, 3, 2)));
        installation.RequestGridConnection(new GridConnectionRequest("Liander", "LIA-2026-881", GridConnectionKind.NewOrWithGroundwork, D(2026, 3, 3)), null, Cpo, today, Noon(D(2026, 3, 3)));
        installation.RecordGridConnected(D(2026, 6, 30), Cpo, today, Noon(D(2026, 6, 30)));
        installation.PlanDigging(D(2026, 7, 14), Cpo, Noon(D(2026, 7, 1)));
        installation.Pause("Wacht op vergunning", Cpo, Noon(D(2026, 7, 2)));
        var match = new ProposedCommissioning(new CommissioningCandidate("NL-LPP-L1", operatorId, spot.Position, [new CandidateEvse("NL*LPP*E1", EvseStatus.Available)]), 3, ["NL*LPP*E1", "NL*LPP*E2"]);
        installation.ConfirmCommissioning(match, D(2026, 9, 1), Cpo, today, Noon(D(2026, 9, 1)));
        await OfficerTestData.ReadAsync(app, async db =>
        {
            db.Spots.Add(spot);
            db.InstallationCases.Add(installation);
            return await db.SaveChangesAsync();
        });

        var stored = await OfficerTestData.ReadAsync(app, db => db.InstallationCases.AsNoTracking()
            .Include(c => c.Steps).Include(c => c.History)
            .SingleAsync(c => c.Id == installation.Id));

        Assert.Equal((InstallationCaseStatus.Paused, "Wacht op vergunning", D(2026, 7, 14)), (stored.Status, stored.PauseReason, stored.DiggingStartsOn));
        Assert.Equal(new GridConnectionRequest("Liander", "LIA-2026-881", GridConnectionKind.NewOrWithGroundwork, D(2026, 3, 3), D(2026, 6, 30)), stored.GridConnectionRequest);
        Assert.Equal(D(2026, 7, 7), stored.GridConnectionRequest!.DueOn);
        Assert.Equal(("NL-LPP-L1", D(2026, 9, 1)), (stored.CommissionedLocationSourceId, stored[InstallationStep.Commissioned].DoneOn!.Value));
        Assert.Equal(["NL*LPP*E1", "NL*LPP*E2"], stored.CommissionedEvseUids);
        Assert.Equal((D(2026, 3, 20), (DateOnly?)null), (stored[InstallationStep.NeighboursInformed].PlannedOn!.Value, stored[InstallationStep.NeighboursInformed].DoneOn));
        Assert.Equal(("Akkoord", "Planner CPO"), (stored[InstallationStep.AcceptedByCpo].Comment, stored[InstallationStep.AcceptedByCpo].ReportedByName));
        Assert.Equal(10, stored.Steps.Count);
        Assert.Equal(
            [InstallationChangeKind.Opened, InstallationChangeKind.StepReported, InstallationChangeKind.StepPlanned, InstallationChangeKind.GridConnectionRequested,
             InstallationChangeKind.GridConnected, InstallationChangeKind.DiggingPlanned, InstallationChangeKind.Paused, InstallationChangeKind.Commissioned],
            stored.History.OrderBy(h => h.Id).Select(h => h.Kind));
    }

    [Fact]
    public async Task ACaseWithoutAGridConnection_ReadsBackWithoutOne()
    {
        var arnhem = await OfficerTestData.ArnhemAsync(app);
        var operatorId = await OfficerTestData.ReadAsync(app, db => db.Operators.Select(o => o.Id).FirstAsync());
        var spot = Spot.Create(arnhem, Coordinate.FromWgs84(OfficerTestData.ParkLatitude, OfficerTestData.ParkLongitude),
            new SpotDetails("Sonsbeekweg 14", 2, SpotSetUp.OnPavement, null, null, null, null), new SpotActor("test", "Test"), Noon(D(2026, 2, 1)));
        var installation = InstallationCase.Open(arnhem, "IN-2026-0902", InstallationCaseKind.Removal, spot.Id, operatorId, Guid.NewGuid(), new InstallationActor("officer-1", "Officer"), Noon(D(2026, 3, 1)));
        await OfficerTestData.ReadAsync(app, async db =>
        {
            db.Spots.Add(spot);
            db.InstallationCases.Add(installation);
            return await db.SaveChangesAsync();
        });

        var stored = await OfficerTestData.ReadAsync(app, db => db.InstallationCases.AsNoTracking().Include(c => c.Steps).SingleAsync(c => c.Id == installation.Id));

        Assert.Null(stored.GridConnectionRequest);
        Assert.Empty(stored.CommissionedEvseUids);
        Assert.Equal((InstallationCaseKind.Removal, InstallationStep.AcceptedByCpo, 7), (stored.Kind, stored.Next, stored.Steps.Count));
    }
}
