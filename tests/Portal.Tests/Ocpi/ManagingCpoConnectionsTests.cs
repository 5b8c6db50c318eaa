using System.Net;
using System.Text.RegularExpressions;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Portal.Features.Admin;
using Portal.Integration.Ocpi.Connections;
using Portal.Integration.Ocpi.Pulling;
using Portal.Tests.Admin;
using Portal.Tests.Infrastructure;
using Portal.Tests.Jobs;

namespace Portal.Tests.Ocpi;

/// <summary>
/// The portal with its job server and a filter that tells the tests when a job has run (pull now runs as a job here).
/// These tests do not test retries: a one-second attempt timeout on a busy machine would send the registration's
/// credentials POST twice, and the CPO rightly refuses the second.
/// </summary>
public sealed class OcpiJobsApp : OcpiPullAppFactory
{
    public JobsDone Jobs { get; } = new();

    protected override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?>(base.Settings) { ["Jobs:Enabled"] = "true", ["Ocpi:Client:AttemptTimeout"] = "00:00:30" };

    protected override void ConfigureTestServices(IServiceCollection services) => TestJobFilters.Add(services, Jobs);
}

/// <summary>
/// The admin pages for connections the portal pulls from (bUnit over the real portal, against a fake CPO over
/// HTTP), and the EVSE status history page.
/// </summary>
public sealed class ManagingCpoConnectionsTests(OcpiJobsApp app) : IClassFixture<OcpiJobsApp>
{
    private static readonly DateTime March = new(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc);

    private static IRenderedComponent<OcpiConnectionPage> Open(BackOfficeContext context, Guid id) =>
        context.Render<OcpiConnectionPage>(p => p.Add(x => x.Id, id));

    /// <summary>Fills in the register dialog and presses its button; returns when the CPO has answered.</summary>
    private static async Task RegisterAsync(IRenderedComponent<MudDialogProvider> dialogs, FakeCpo cpo, string tokenA, string name)
    {
        dialogs.WaitForElement("#cpo-versions", AdminSteps.Wait);
        await dialogs.TypeAsync("#cpo-versions", cpo.VersionsUrl);
        await dialogs.TypeAsync("#cpo-token-a", tokenA);
        await dialogs.TypeAsync("#cpo-country", cpo.CountryCode);
        await dialogs.TypeAsync("#cpo-party", cpo.PartyId);
        await dialogs.TypeAsync("#cpo-name", name);
        await dialogs.PressAsync("Aanmelden");
    }

    [Fact]
    public async Task AdminRegistersWithACpo_PullsNow_SeesTheRun_TestsAndUnregisters()
    {
        await using var cpo = await FakeCpo.StartAsync(partyId: "AD1");
        cpo.Add("locations", OcpiPullAppFactory.Location(cpo, "AD1-1", March, evses: 2));
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Admin);
        var dialogs = context.RenderProviders();
        var list = context.Render<OcpiConnectionsPage>();

        list.PressAndWaitForDialog("Aanmelden bij een CPO", dialogs);
        await RegisterAsync(dialogs, cpo, cpo.TokenA, "Admin-CPO");

        dialogs.WaitForAssertion(() => Assert.True(dialogs.FindAll("#cpo-versions").Count == 0 || dialogs.FindAll("[data-testid=register-problem]").Count > 0), AdminSteps.Wait);
        Assert.Empty(dialogs.FindAll("[data-testid=register-problem]").Select(p => p.TextContent));
        var address = await context.NavigatedToAsync(uri => Regex.IsMatch(uri, "/admin/ocpi/[0-9a-f-]{36}$"), AdminSteps.Wait);
        Assert.Contains(context.Snackbar.ShownSnackbars, s => s.Message == "Het portaal is bij de CPO aangemeld.");
        Assert.Equal("http://localhost/ocpi/versions", cpo.PortalVersionsUrl);
        var connectionId = Guid.Parse(address[^36..], System.Globalization.CultureInfo.InvariantCulture);
        var page = Open(context, connectionId);
        page.WaitForAssertion(() => Assert.Equal("Verbonden", page.Find("[data-testid=status]").TextContent.Trim()), AdminSteps.Wait);
        Assert.Contains($"{cpo.BaseUrl}/cpo/v221/sender/locs", page.Find("[data-testid=modules]").TextContent, StringComparison.Ordinal);
        page.WaitForAssertion(() => Assert.Contains("Er is nog niets opgehaald.", page.Find("[data-testid=runs]").TextContent, StringComparison.Ordinal), AdminSteps.Wait);

        await page.ChooseAsync("pull-mode", PullMode.Full);
        await page.PressAsync("Nu ophalen");
        Assert.Contains(context.Snackbar.ShownSnackbars, s => s.Message != null && s.Message.StartsWith("Ophalen is gestart.", StringComparison.Ordinal));
        // The pull runs as a job outside the page: when it is done, the page shows it after "reload".
        await app.Jobs.UntilAsync(() => app.QueryAsync(db => db.OcpiPullRuns.AnyAsync(r => r.ConnectionId == connectionId && r.FinishedAtUtc != null)), AdminSteps.Wait);
        await page.PressAsync("Opnieuw laden");

        page.WaitForAssertion(() => Assert.Equal("Gelukt", page.Find("[data-testid=runs] [data-testid=outcome]").TextContent.Trim()), AdminSteps.Wait);
        Assert.NotEqual("Nooit", page.Find("[data-testid=modules] tbody tr [data-testid=last-success]").TextContent.Trim());
        Assert.Contains("Alles (met afstemming)", page.Find("[data-testid=runs] tbody").TextContent, StringComparison.Ordinal);
        Assert.Equal(2, await app.QueryAsync(db => db.EvseStatusEvents.CountAsync(e => e.LocationSourceId == "NL*AD1*AD1-1")));
        Assert.Equal("Nog niets ontvangen", page.Find("[data-testid=pushes]").TextContent.Trim());   // pulled, not pushed

        await page.PressAsync("Verbinding testen");
        page.WaitForAssertion(() => Assert.Contains(context.Snackbar.ShownSnackbars, s => s.Message == "De CPO is bereikt en de endpoints zijn opgehaald."), AdminSteps.Wait);

        page.PressAndWaitForDialog("Afmelden en intrekken", dialogs);
        await dialogs.ConfirmAsync("Verbinding met Admin-CPO (NL*AD1).");

        page.WaitForAssertion(() => Assert.Equal("Ingetrokken", page.Find("[data-testid=status]").TextContent.Trim()), AdminSteps.Wait);
        Assert.Contains(context.Snackbar.ShownSnackbars, s => s.Message == "De verbinding is ingetrokken.");
        Assert.True(cpo.Unregistered);
        Assert.DoesNotContain(page.FindAll("button"), b => b.TextContent.Trim() is "Nu ophalen" or "Afmelden en intrekken");
        Assert.Equal(OcpiConnectionStatus.Revoked, await app.QueryAsync(db => db.OcpiConnections.Where(c => c.Id == connectionId).Select(c => c.Status).SingleAsync()));
    }

    [Fact]
    public async Task RegisteringWithAWrongTokenA_ShowsTheErrorAndItsRequestId_AndKeepsWhatWasTyped()
    {
        await using var cpo = await FakeCpo.StartAsync(partyId: "AD2");
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Admin);
        var dialogs = context.RenderProviders();
        var list = context.Render<OcpiConnectionsPage>();

        list.PressAndWaitForDialog("Aanmelden bij een CPO", dialogs);
        await RegisterAsync(dialogs, cpo, "wrong", "Fout");

        dialogs.WaitForElement("[data-testid=register-problem]", AdminSteps.Wait);
        var problem = dialogs.Find("[data-testid=register-problem]").TextContent;
        Assert.Contains("401", problem, StringComparison.Ordinal);
        Assert.Contains(cpo.Requests.Single().RequestId, problem, StringComparison.Ordinal);
        Assert.Equal(cpo.VersionsUrl, dialogs.Find("#cpo-versions").GetAttribute("value"));
        Assert.Equal("wrong", dialogs.Find("#cpo-token-a").GetAttribute("value"));
        Assert.Equal("Fout", dialogs.Find("#cpo-name").GetAttribute("value"));
        Assert.EndsWith("/admin/ocpi", context.Navigation.Uri, StringComparison.Ordinal);
        Assert.False(await app.QueryAsync(db => db.OcpiConnections.AnyAsync(c => c.PartyId == "AD2")));
    }

    [Fact]
    public async Task RotatingTheTokens_IsAskedFirst_AndGivesBothSidesNewTokens()
    {
        await using var cpo = await FakeCpo.StartAsync(partyId: "AD5");
        var connectionId = await app.ConnectAsync(cpo, "Roteer-CPO");
        var (oldPortalToken, oldCpoToken) = (cpo.PortalToken, cpo.TokenForPortal);
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Admin);
        var dialogs = context.RenderProviders();
        var page = Open(context, connectionId);
        page.WaitForElement("[data-testid=status]", AdminSteps.Wait);

        page.PressAndWaitForDialog("Tokens vernieuwen", dialogs);
        await dialogs.ConfirmAsync("De huidige tokens van Roteer-CPO werken daarna niet meer.");

        page.WaitForAssertion(() => Assert.Contains(context.Snackbar.ShownSnackbars, s => s.Message == "De tokens zijn vernieuwd."), AdminSteps.Wait);
        Assert.NotEqual(oldPortalToken, cpo.PortalToken);
        Assert.NotEqual(oldCpoToken, cpo.TokenForPortal);
        Assert.Equal(OcpiTokens.Hash(cpo.PortalToken!), await app.QueryAsync(db => db.OcpiConnections.Where(c => c.Id == connectionId).Select(c => c.IncomingTokenHash).SingleAsync()));
    }

    [Fact]
    public async Task TheFormerRevokeAddress_LeadsToTheConnection_WhichAsksAtOnce()
    {
        await using var cpo = await FakeCpo.StartAsync(partyId: "AD6");
        var connectionId = await app.ConnectAsync(cpo, "Oud-Adres-CPO");
        using var admin = await app.LogInAsAsync(DemoAccounts.Admin);

        var response = await admin.Http.GetAsync($"/admin/ocpi/{connectionId}/intrekken");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/admin/ocpi/{connectionId}?intrekken=1", response.RedirectPath());
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Admin);
        var dialogs = context.RenderProviders();
        context.Navigation.NavigateTo($"/admin/ocpi/{connectionId}?intrekken=1");
        Open(context, connectionId);
        dialogs.WaitForElement(".mud-dialog [data-testid=confirm]", AdminSteps.Wait);
        await dialogs.PressAsync("Annuleren");
        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll(".mud-dialog")), AdminSteps.Wait);
        Assert.False(cpo.Unregistered);
        Assert.Equal(OcpiConnectionStatus.Connected, await app.QueryAsync(db => db.OcpiConnections.Where(c => c.Id == connectionId).Select(c => c.Status).SingleAsync()));
    }

    [Fact]
    public async Task ConnectionPages_AreForAdminsOnly()
    {
        await using var cpo = await FakeCpo.StartAsync(partyId: "AD3");
        var connectionId = await app.ConnectAsync(cpo);
        using var officer = await app.LogInAsAsync(DemoAccounts.Officer);

        var (response, _) = await officer.GetPageAsync($"/admin/ocpi/{connectionId}");

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task EvseStatusHistory_ListsEveryObservationNewestFirst_ForOfficersAndAdmins()
    {
        await using var cpo = await FakeCpo.StartAsync(partyId: "AD4");
        cpo.Add("locations", OcpiPullAppFactory.Location(cpo, "AD4-1", March, evses: 1, status: "AVAILABLE"));
        var connectionId = await app.ConnectAsync(cpo);
        await app.PullAsync(connectionId, Integration.Ocpi.Pulling.OcpiModule.Locations);
        cpo.Replace("locations", _ => true, OcpiPullAppFactory.Location(cpo, "AD4-1", March.AddHours(1), evses: 1, status: "CHARGING"));
        await app.PullAsync(connectionId, Integration.Ocpi.Pulling.OcpiModule.Locations, Integration.Ocpi.Pulling.PullMode.Full);
        var locationId = await app.QueryAsync(db => db.ChargeLocations.Where(l => l.SourceId == "NL*AD4*AD4-1").Select(l => l.Id).SingleAsync());

        using var officer = await app.LogInAsAsync(DemoAccounts.Officer);
        var (_, detail) = await officer.GetPageAsync($"/laadpunten/{locationId}");
        var link = detail.QuerySelector("[data-testid=status-history]")!.GetAttribute("href")!;
        var (response, _) = await officer.GetPageAsync(link);

        // The history is a grid on the back office's charge point page, loaded over the circuit (its bUnit
        // tests are in ChargePoints); here what the pulls recorded, through the page's own service.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith($"/beheer/laadpunten/{locationId}?evse=", link, StringComparison.Ordinal);
        var uid = Uri.UnescapeDataString(link[(link.IndexOf("evse=", StringComparison.Ordinal) + 5)..]);
        var rows = (await app.CallAsync(DemoAccounts.Officer, (Features.ChargePoints.BackOfficeChargePoints c, System.Security.Claims.ClaimsPrincipal u) =>
            c.HistoryAsync(u, locationId, uid, Components.BackOffice.GridQuery.Default)))!.Items;
        Assert.Equal(2, rows.Count);
        Assert.Equal("CHARGING", rows[0].Status);
        Assert.Equal(Integration.Ocpi.Receiving.EvseStatusSource.FullPull, rows[0].Source);
        Assert.Equal("AVAILABLE", rows[1].Status);
        Assert.Equal(Integration.Ocpi.Receiving.EvseStatusSource.IncrementalPull, rows[1].Source);

        using var visitor = app.CreateClient();
        var (_, publicDetail) = await visitor.GetPageAsync($"/laadpunten/{locationId}");
        Assert.Null(publicDetail.QuerySelector("[data-testid=status-history]"));
        var (anonymous, _) = await visitor.GetPageAsync(link);
        Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode);
        using var resident = await app.LogInAsAsync(DemoAccounts.Resident);
        var (forResident, _) = await resident.GetPageAsync(link);
        Assert.NotEqual(HttpStatusCode.OK, forResident.StatusCode);
    }
}
