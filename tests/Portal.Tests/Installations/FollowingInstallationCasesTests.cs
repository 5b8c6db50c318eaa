using Microsoft.EntityFrameworkCore;
using Portal.Domain.Installations;
using Portal.Domain.Spots;
using Portal.Domain.TrafficOrders;
using Portal.Features.Installations;
using Portal.Tests.Applications;
using Portal.Tests.Contracts;
using Portal.Tests.Infrastructure;
using Portal.Tests.Spots;
using Portal.Tests.TrafficOrders;

namespace Portal.Tests.Installations;

/// <summary>Cases through the portal's own service over the real app: who may open, report and manage them, and what a refused step says.</summary>
public sealed class FollowingInstallationCasesTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private static DateOnly Today => TrafficOrderTestData.Today;

    /// <summary>A spot whose order was published 60 days ago and made final: ready for installation.</summary>
    private async Task<Guid> ReadySpotAsync(string address, double offset)
    {
        var officer = await app.PrincipalOfAsync(DemoAccounts.Officer);
        var arnhem = await OfficerTestData.ArnhemAsync(app);
        var spot = await app.NewSpotAsync(officer, address, status: SpotStatus.Approved, latitudeOffset: offset);
        await app.PublishedOrderAsync(officer, arnhem, "Installatie " + address, Today.AddDays(-60), spot);
        await app.OrdersAsync(s => s.MakeFinalWhereDueAsync());
        Assert.Equal(SpotStatus.ReadyForInstallation, await app.StatusOfAsync(spot));
        return spot;
    }

    private Task<T> AsAsync<T>(string email, Func<InstallationService, System.Security.Claims.ClaimsPrincipal, Task<T>> call) => app.CallAsync(email, call);

    private async Task<Guid> OpenedAsync(string address, double offset)
    {
        var spot = await ReadySpotAsync(address, offset);
        var cpo = await ContractTestSetup.DemoOperatorAsync(app);
        var opened = await AsAsync(DemoAccounts.Officer, (s, u) => s.OpenAsync(u, spot, cpo, null));
        Assert.Null(opened.Problem);
        return opened.CaseId!.Value;
    }

    [Fact]
    public async Task AnOfficer_OpensACase_ForASpotReadyForInstallation_NumberedPerYear_OnlyOncePerSpot()
    {
        var spot = await ReadySpotAsync("Sonsbeekweg 40", 0.0101);
        var cpo = await ContractTestSetup.DemoOperatorAsync(app);

        var opened = await AsAsync(DemoAccounts.Officer, (s, u) => s.OpenAsync(u, spot, cpo, null));
        var again = await AsAsync(DemoAccounts.Officer, (s, u) => s.OpenAsync(u, spot, cpo, null));

        var installation = (await AsAsync(DemoAccounts.Officer, (s, u) => s.FindAsync(u, opened.CaseId!.Value)))!;
        Assert.Matches($"^IN-{Today.Year}-\\d{{4}}$", installation.Reference);
        Assert.Equal((cpo, spot, InstallationCaseStatus.Open), (installation.OperatorId, installation.SpotId, installation.Status));
        Assert.Equal($"Voor de plek Sonsbeekweg 40 loopt al installatiezaak {installation.Reference}.", again.Problem);
    }

    [Fact]
    public async Task ASpotNotReady_GetsNoCase_AndSaysWhy()
    {
        var officer = await app.PrincipalOfAsync(DemoAccounts.Officer);
        var spot = await app.NewSpotAsync(officer, "Sonsbeekweg 42", status: SpotStatus.Approved, latitudeOffset: 0.0102);
        var cpo = await ContractTestSetup.DemoOperatorAsync(app);

        var refused = await AsAsync(DemoAccounts.Officer, (s, u) => s.OpenAsync(u, spot, cpo, null));

        Assert.Null(refused.CaseId);
        Assert.StartsWith("De plek Sonsbeekweg 42 is niet klaar voor installatie", refused.Problem, StringComparison.Ordinal);
        Assert.False(await OfficerTestData.ReadAsync(app, db => db.InstallationCases.AnyAsync(c => c.SpotId == spot)));
    }

    [Fact]
    public async Task TheCpo_AcceptsAndReports_TheOfficerSeesIt_AndAFutureDayIsRefusedInDutch()
    {
        var id = await OpenedAsync("Sonsbeekweg 44", 0.0103);

        Assert.Null((await AsAsync(DemoAccounts.Cpo, (s, u) => s.AcceptAsync(u, id, "Akkoord, planning volgt"))).Problem);
        Assert.Null((await AsAsync(DemoAccounts.Cpo, (s, u) => s.RequestGridConnectionAsync(u, id, "Liander", "LIA-1", GridConnectionKind.NewOrWithGroundwork, Today, null))).Problem);
        var future = await AsAsync(DemoAccounts.Cpo, (s, u) => s.ReportAsync(u, id, InstallationStep.NeighboursInformed, Today.AddDays(1), null));

        Assert.StartsWith("Meld een stap als die gedaan is, op of voor vandaag", future.Problem, StringComparison.Ordinal);
        var seen = (await AsAsync(DemoAccounts.Officer, (s, u) => s.FindAsync(u, id)))!;
        Assert.Equal((Today, "Akkoord, planning volgt"), (seen[InstallationStep.AcceptedByCpo].DoneOn!.Value, seen[InstallationStep.AcceptedByCpo].Comment));
        Assert.Equal(Today.AddDays(126), seen.GridConnectionRequest!.DueOn);
        Assert.Null(seen[InstallationStep.NeighboursInformed].DoneOn);
    }

    [Fact]
    public async Task SignsReportedPlaced_AreMarkedPlacedInTheSpotsTrafficOrder_ForTheSignRegister()
    {
        var id = await OpenedAsync("Sonsbeekweg 48", 0.0105);
        var spot = (await AsAsync(DemoAccounts.Officer, (s, u) => s.FindAsync(u, id)))!.SpotId;
        Task<SignPlacement> SignsAsync() => OfficerTestData.ReadAsync(app, db => db.TrafficOrders.SelectMany(o => o.Locations).Where(l => l.SpotId == spot).Select(l => l.SignStatus).SingleAsync());
        Assert.Null((await AsAsync(DemoAccounts.Cpo, (s, u) => s.AcceptAsync(u, id, null))).Problem);
        Assert.Equal(SignPlacement.Planned, await SignsAsync());

        Assert.Null((await AsAsync(DemoAccounts.Cpo, (s, u) => s.ReportAsync(u, id, InstallationStep.SignsPlaced, Today, "Bord E4 met onderbord geplaatst"))).Problem);

        Assert.Equal(SignPlacement.Placed, await SignsAsync());
    }

    [Fact]
    public async Task OnlyTheMunicipalitysOfficers_Pause_AndOutsidersSeeNothing()
    {
        var id = await OpenedAsync("Sonsbeekweg 46", 0.0104);
        await ContractTestSetup.OutsidersAsync(app);

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => AsAsync(DemoAccounts.Cpo, (s, u) => s.PauseAsync(u, id, "Geen netcapaciteit")));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => AsAsync(ContractTestSetup.OtherCpo, (s, u) => s.AcceptAsync(u, id, null)));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => AsAsync(ContractTestSetup.EdeOfficer, (s, u) => s.ReportAsync(u, id, InstallationStep.NeighboursInformed, Today, null)));
        Assert.Null(await AsAsync(ContractTestSetup.OtherCpo, (s, u) => s.FindAsync(u, id)));
        Assert.Null(await AsAsync(ContractTestSetup.EdeOfficer, (s, u) => s.FindAsync(u, id)));
        Assert.NotNull(await AsAsync(DemoAccounts.Admin, (s, u) => s.FindAsync(u, id)));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => AsAsync(DemoAccounts.Admin, (s, u) => s.PauseAsync(u, id, "Geen netcapaciteit")));

        Assert.Null((await AsAsync(DemoAccounts.Officer, (s, u) => s.PauseAsync(u, id, "Geen netcapaciteit tot 2027"))).Problem);

        var paused = (await AsAsync(DemoAccounts.Cpo, (s, u) => s.FindAsync(u, id)))!;
        Assert.Equal((InstallationCaseStatus.Paused, "Geen netcapaciteit tot 2027"), (paused.Status, paused.PauseReason));
        Assert.Equal([InstallationChangeKind.Opened, InstallationChangeKind.Paused], paused.History.OrderBy(h => h.Id).Select(h => h.Kind));
    }
}
