using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.ChargePoints;
using Portal.Domain.Geography;
using Portal.Domain.Installations;
using Portal.Domain.Spots;
using Portal.Domain.TrafficOrders;
using Portal.Features.Installations;
using Portal.Features.Installations.CasePage;
using Portal.Features.TrafficOrders;
using Portal.Integration.Persistence;
using Portal.Tests.Applications;
using Portal.Tests.Contracts;
using Portal.Tests.Infrastructure;
using Portal.Tests.Spots;
using Portal.Tests.TrafficOrders;

namespace Portal.Tests.Installations;

/// <summary>Relocation and removal cases over the real app: which spots they take, and what happens to the old spot and the contract once the charge point has gone.</summary>
public sealed class RelocatingAndRemovingChargePointsTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private static DateOnly Today => TrafficOrderTestData.Today;

    private Task<T> AsAsync<T>(string email, Func<InstallationService, System.Security.Claims.ClaimsPrincipal, Task<T>> call) => app.CallAsync(email, call);

    private async Task<Guid> SpotAsync(string address, SpotStatus status, double offset) =>
        await app.NewSpotAsync(await app.PrincipalOfAsync(DemoAccounts.Officer), address, status: status, latitudeOffset: offset);

    private async Task<Guid> ReadySpotAsync(string address, double offset)
    {
        var officer = await app.PrincipalOfAsync(DemoAccounts.Officer);
        var spot = await app.NewSpotAsync(officer, address, status: SpotStatus.Approved, latitudeOffset: offset);
        await app.PublishedOrderAsync(officer, await OfficerTestData.ArnhemAsync(app), "Verplaatsing " + address, Today.AddDays(-60), spot);
        await app.OrdersAsync(s => s.MakeFinalWhereDueAsync());
        return spot;
    }

    /// <summary>The earlier case that brought the charge point on <paramref name="spot"/> into use, commissioned with its EVSE on <paramref name="liveOn"/>.</summary>
    private async Task CommissionedEarlierAsync(Guid spot, Guid cpo, string location, string evse, DateOnly liveOn)
    {
        await using var scope = app.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var placed = await db.Spots.SingleAsync(s => s.Id == spot);
        var actor = new InstallationActor("test", "Test");
        var earlier = InstallationCase.Open(placed.MunicipalityId, "IN-2020-" + location, InstallationCaseKind.NewChargePoint, spot, cpo, null, actor, DateTime.UtcNow.AddYears(-1));
        foreach (var step in InstallationSteps.Of(InstallationCaseKind.NewChargePoint).Where(s => s is not (InstallationStep.GridConnectionRequested or InstallationStep.Commissioned)))
            earlier.Report(step, liveOn, null, actor, Today, DateTime.UtcNow);
        earlier.RequestGridConnection(new GridConnectionRequest("Liander", null, GridConnectionKind.ChangeWithoutGroundwork, liveOn), null, actor, Today, DateTime.UtcNow);
        var position = Coordinate.FromWgs84(placed.Latitude, placed.Longitude);
        earlier.ConfirmCommissioning(new ProposedCommissioning(new CommissioningCandidate(location, cpo, position, [new CandidateEvse(evse, EvseStatus.Available)]), 0, [evse]), liveOn, actor, Today, DateTime.UtcNow);
        Assert.Equal(InstallationCaseStatus.Completed, earlier.Status);
        db.InstallationCases.Add(earlier);
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task ARemoval_TakesASpotInUse_AndOnlySuch()
    {
        var inUse = await SpotAsync("Zijpendaalseweg 10", SpotStatus.Realised, 0.0201);
        var approved = await SpotAsync("Zijpendaalseweg 12", SpotStatus.Approved, 0.0202);
        var cpo = await ContractTestSetup.DemoOperatorAsync(app);

        var refused = await AsAsync(DemoAccounts.Officer, (s, u) => s.OpenRemovalAsync(u, approved, cpo, null));
        var opened = await AsAsync(DemoAccounts.Officer, (s, u) => s.OpenRemovalAsync(u, inUse, cpo, null));

        Assert.Equal("Op de plek Zijpendaalseweg 12 staat geen laadpaal in gebruik.", refused.Problem);
        var removal = (await AsAsync(DemoAccounts.Officer, (s, u) => s.FindAsync(u, opened.CaseId!.Value)))!;
        Assert.Equal((InstallationCaseKind.Removal, inUse, 7), (removal.Kind, removal.SpotId, removal.Steps.Count));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => AsAsync(DemoAccounts.Cpo, (s, u) => s.OpenRemovalAsync(u, inUse, cpo, null)));
    }

    [Fact]
    public async Task OnceTheChargePointIsRemoved_TheSpotIsRetired_AndItsEvseLeavesTheContractThatDay()
    {
        var spot = await SpotAsync("Zijpendaalseweg 14", SpotStatus.Realised, 0.0203);
        var cpo = await ContractTestSetup.DemoOperatorAsync(app);
        var liveOn = Today.AddYears(-1);
        await CommissionedEarlierAsync(spot, cpo, "NL-DEMO-REMOVE-14", "E14-1", liveOn);
        var contract = await ContractTestSetup.RegionalConcessionAsync(app, "CON-REMOVE-14");
        Assert.Null((await app.AsAsync(DemoAccounts.Officer, (s, u) => s.SetEvseRecordAsync(u, contract, "NL-DEMO-REMOVE-14", "E14-1", liveOn, null, "A"))).Problem);
        var id = (await AsAsync(DemoAccounts.Officer, (s, u) => s.OpenRemovalAsync(u, spot, cpo, contract))).CaseId!.Value;
        Assert.Null((await AsAsync(DemoAccounts.Cpo, (s, u) => s.AcceptAsync(u, id, null))).Problem);

        Assert.Null((await AsAsync(DemoAccounts.Cpo, (s, u) => s.ReportAsync(u, id, InstallationStep.ChargePointPlaced, Today.AddDays(-1), "Paal weggehaald"))).Problem);

        Assert.Equal(SpotStatus.Retired, await app.StatusOfAsync(spot));
        var record = await OfficerTestData.ReadAsync(app, db => db.Contracts.Where(c => c.Id == contract).SelectMany(c => c.EvseRecords).SingleAsync(r => r.EvseUid == "E14-1"));
        Assert.Equal((liveOn, Today.AddDays(-1), "A"), (record.GoLiveOn, record.DecommissionedOn, record.SimultaneityGroup));
        var history = await OfficerTestData.ReadAsync(app, db => db.Spots.Where(s => s.Id == spot).SelectMany(s => s.History).OrderBy(h => h.Id).Select(h => h.Reason).ToListAsync());
        Assert.StartsWith("Laadpaal weg volgens installatiezaak IN-", history[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARemovalsSigns_StayUntilTheAmendmentThatLeavesItsSpotOut_IsPublished()
    {
        var officer = await app.PrincipalOfAsync(DemoAccounts.Officer);
        var spot = await SpotAsync("Zijpendaalseweg 30", SpotStatus.Approved, 0.0211);
        var neighbour = await SpotAsync("Zijpendaalseweg 32", SpotStatus.Approved, 0.0212);
        var reservingId = await app.PublishedOrderAsync(officer, await OfficerTestData.ArnhemAsync(app), "Zijpendaalseweg", Today.AddDays(-60), spot, neighbour);
        await app.OrdersAsync(s => s.MakeFinalWhereDueAsync());
        await InUseAsync(spot);
        var reserving = (await app.OrdersAsync(s => s.FindAsync(officer, reservingId)))!;
        var cpo = await ContractTestSetup.DemoOperatorAsync(app);
        var id = (await AsAsync(DemoAccounts.Officer, (s, u) => s.OpenRemovalAsync(u, spot, cpo, null))).CaseId!.Value;
        Assert.Null((await AsAsync(DemoAccounts.Cpo, (s, u) => s.AcceptAsync(u, id, null))).Problem);
        Assert.Null((await AsAsync(DemoAccounts.Cpo, (s, u) => s.ReportAsync(u, id, InstallationStep.ChargePointPlaced, Today, "Paal weggehaald"))).Problem);

        var refused = await AsAsync(DemoAccounts.Cpo, (s, u) => s.ReportAsync(u, id, InstallationStep.SignsPlaced, Today, "Borden weg"));

        Assert.Equal($"De borden blijven staan tot een wijzigingsbesluit van verkeersbesluit {reserving.Reference} is gepubliceerd dat deze plek laat vervallen.", refused.Problem);
        var before = (await app.CallAsync<InstallationCaseQueries, InstallationCaseView?>(DemoAccounts.Officer, (q, u) => q.ViewAsync(u, id)))!.RemovalOrders!;
        Assert.Equal((reservingId, (Guid?)null), (before.ReservingOrderId!.Value, before.ReleasingOrderId));
        Assert.False((await AsAsync(DemoAccounts.Officer, (s, u) => s.FindAsync(u, id)))![InstallationStep.SignsPlaced].IsDone);

        // The amendment keeps the neighbour and leaves the removed point's spot out; published, the reservation ends.
        var draft = await app.OrdersAsync(s => s.DraftAsync(officer, new TrafficOrderDraft(reserving.MunicipalityId, "Zijpendaalseweg, laadpaal weg", TrafficOrderRoute.Direct, [neighbour], SignBoard.E4, reservingId)));
        Assert.True(draft.Succeeded, draft.Error);
        var amendingId = draft.OrderId!.Value;
        var drafted = (await app.CallAsync<InstallationCaseQueries, InstallationCaseView?>(DemoAccounts.Officer, (q, u) => q.ViewAsync(u, id)))!.RemovalOrders!;
        Assert.Equal((amendingId, false), (drafted.ReleasingOrderId!.Value, drafted.Rule.SignsMayBeRemoved));
        Assert.Null((await app.OrdersAsync(s => s.RecordPoliceConsultationAsync(officer, amendingId, Today.AddDays(-2), "Geen bezwaar."))).Error);
        Assert.Null((await app.OrdersAsync(s => s.DecideAsync(officer, amendingId, Today.AddDays(-1)))).Error);
        Assert.Null((await app.OrdersAsync(s => s.PublishAsync(officer, amendingId, PublicationChannel.Gemeenteblad, Today, "gmb-laadpaal-weg"))).Error);

        Assert.Null((await AsAsync(DemoAccounts.Cpo, (s, u) => s.ReportAsync(u, id, InstallationStep.SignsPlaced, Today, "Borden weg"))).Problem);
        Assert.True((await AsAsync(DemoAccounts.Officer, (s, u) => s.FindAsync(u, id)))![InstallationStep.SignsPlaced].IsDone);
    }

    /// <summary>The spot's charge point is in use (as its commissioning would leave it).</summary>
    private async Task InUseAsync(Guid spot)
    {
        await using var scope = app.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        (await db.Spots.SingleAsync(s => s.Id == spot)).RealiseByCommissioning("IN-2020-0001", new SpotActor("test", "Test"), DateTime.UtcNow);
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task ARelocation_GoesToASpotWithItsOwnOrder_AndRetiresTheOldSpotWhenThePointIsPlaced()
    {
        var from = await SpotAsync("Zijpendaalseweg 16", SpotStatus.Realised, 0.0204);
        var notReady = await SpotAsync("Zijpendaalseweg 18", SpotStatus.Approved, 0.0205);
        var to = await ReadySpotAsync("Zijpendaalseweg 20", 0.0206);
        var cpo = await ContractTestSetup.DemoOperatorAsync(app);

        var refused = await AsAsync(DemoAccounts.Officer, (s, u) => s.OpenRelocationAsync(u, from, notReady, cpo, null));
        var opened = await AsAsync(DemoAccounts.Officer, (s, u) => s.OpenRelocationAsync(u, from, to, cpo, null));
        var removalMeanwhile = await AsAsync(DemoAccounts.Officer, (s, u) => s.OpenRemovalAsync(u, from, cpo, null));

        Assert.StartsWith("De plek Zijpendaalseweg 18 is niet klaar voor installatie", refused.Problem, StringComparison.Ordinal);
        var relocation = (await AsAsync(DemoAccounts.Officer, (s, u) => s.FindAsync(u, opened.CaseId!.Value)))!;
        Assert.Equal((InstallationCaseKind.Relocation, to, (Guid?)from), (relocation.Kind, relocation.SpotId, relocation.RelocatedFromSpotId));
        Assert.Equal($"Voor de plek Zijpendaalseweg 16 loopt al installatiezaak {relocation.Reference}.", removalMeanwhile.Problem);

        Assert.Null((await AsAsync(DemoAccounts.Cpo, (s, u) => s.AcceptAsync(u, relocation.Id, null))).Problem);
        Assert.Null((await AsAsync(DemoAccounts.Cpo, (s, u) => s.ReportAsync(u, relocation.Id, InstallationStep.NeighboursInformed, Today, null))).Problem);
        Assert.Equal(SpotStatus.Realised, await app.StatusOfAsync(from));
        Assert.Null((await AsAsync(DemoAccounts.Cpo, (s, u) => s.ReportAsync(u, relocation.Id, InstallationStep.ChargePointPlaced, Today, null))).Problem);

        Assert.Equal(SpotStatus.Retired, await app.StatusOfAsync(from));
        Assert.Equal(SpotStatus.ReadyForInstallation, await app.StatusOfAsync(to));   // in use once commissioning is confirmed
    }
}
