using System.Net;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Accounts;
using Portal.Domain.ChargePoints;
using Portal.Features.ChargePoints;
using Portal.Integration.Ocpi.Receiving;
using Portal.Tests.Applications;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.ChargePoints;

/// <summary>One charge location in the back office: its EVSEs, their current status and each one's status history.</summary>
public sealed class BackOfficeChargePointPageTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    // A first call warms up the database model; on a busy machine that takes a while.
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private static readonly DateTime March = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);

    private static IReadOnlyList<string> EventStatuses(IRenderedComponent<BackOfficeChargePointPage> page) =>
        page.FindAll("[data-testid=status-events] tbody tr [data-testid=event-status] code").Select(c => c.TextContent.Trim()).ToList();

    [Fact]
    public async Task AnOfficer_SeesTheEvsesWithTheirStatus_AndTheChosenEvsesHistoryNewestFirst()
    {
        var arnhem = await OfficerTestData.ArnhemAsync(app);
        var id = await app.LocationAsync(arnhem, "DETAIL-1", "Detailweg 1", "Detail Laden", isPublic: false, evses: [EvseStatus.Available, EvseStatus.OutOfOrder]);
        await app.StatusEventAsync("DETAIL-1", "DETAIL-1-1", "AVAILABLE", March, EvseStatusSource.IncrementalPull);
        await app.StatusEventAsync("DETAIL-1", "DETAIL-1-1", "CHARGING", March.AddHours(1), EvseStatusSource.FullPull);
        await app.StatusEventAsync("DETAIL-1", "DETAIL-1-2", "OUTOFORDER", March.AddHours(2));
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Officer);
        context.RenderProviders();
        context.Navigation.NavigateTo($"/beheer/laadpunten/{id}?evse=detail-1-1");

        var page = context.Render<BackOfficeChargePointPage>(p => p.Add(c => c.Id, id));

        page.WaitForAssertion(() => Assert.Equal("Detailweg 1", page.Find("h1").TextContent.Trim()), Wait);
        Assert.Contains("Niet openbaar", page.Find("[data-testid=location-facts]").TextContent, StringComparison.Ordinal);
        Assert.Equal(["Beschikbaar", "Defect"], page.FindAll("[data-testid=evse-status]").Select(s => s.TextContent.Trim()));
        page.WaitForAssertion(() => Assert.Equal(["CHARGING", "AVAILABLE"], EventStatuses(page)), Wait);
        Assert.Equal(["Opgehaald (volledig)", "Opgehaald (wijzigingen)"], page.FindAll("[data-testid=event-source]").Select(s => s.TextContent.Trim()));

        // The second EVSE's button shows its history instead, and the address says which EVSE it is.
        await page.InvokeAsync(() => page.FindAll("[data-testid=status-history]")[1].ClickAsync(new()));

        page.WaitForAssertion(() => Assert.Equal(["OUTOFORDER"], EventStatuses(page)), Wait);
        Assert.EndsWith($"/beheer/laadpunten/{id}?evse=DETAIL-1-2", context.Navigation.Uri, StringComparison.Ordinal);
        Assert.Contains("Doorgegeven door de CPO", page.Find("[data-testid=event-source]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AStatusChangeSavedElsewhere_ShowsOnTheOpenPage_WithoutReloading()
    {
        var arnhem = await OfficerTestData.ArnhemAsync(app);
        var id = await app.LocationAsync(arnhem, "LIVE-1", "Liveweg 1", "Live Laden", evses: [EvseStatus.Available, EvseStatus.Available]);
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Officer);
        context.RenderProviders();
        var page = context.Render<BackOfficeChargePointPage>(p => p.Add(c => c.Id, id));
        page.WaitForAssertion(() => Assert.Equal(["Beschikbaar", "Beschikbaar"], page.FindAll("[data-testid=evse-status]").Select(s => s.TextContent.Trim())), Wait);

        await app.ChangeEvsesAsync(id, EvseStatus.Charging, EvseStatus.OutOfOrder);

        page.WaitForAssertion(() => Assert.Equal(["Aan het laden", "Defect"], page.FindAll("[data-testid=evse-status]").Select(s => s.TextContent.Trim())), Wait);
    }

    [Fact]
    public async Task ALiveChange_IsShownInTheReadersLanguage_NotInTheServersDefault()
    {
        var arnhem = await OfficerTestData.ArnhemAsync(app);
        var id = await app.LocationAsync(arnhem, "LIVE-EN", "Liveweg 2", "Live Laden", evses: [EvseStatus.Available]);
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Officer);
        var english = System.Globalization.CultureInfo.GetCultureInfo("en-GB");
        (System.Globalization.CultureInfo.CurrentCulture, System.Globalization.CultureInfo.CurrentUICulture) = (english, english);
        context.RenderProviders();
        var page = context.Render<BackOfficeChargePointPage>(p => p.Add(c => c.Id, id));
        page.WaitForAssertion(() => Assert.Equal("Available", page.Find("[data-testid=evse-status]").TextContent.Trim()), Wait);

        await app.ChangeEvsesAsync(id, EvseStatus.Charging);

        page.WaitForAssertion(() => Assert.Equal("Charging", page.Find("[data-testid=evse-status]").TextContent.Trim()), Wait);
    }

    [Fact]
    public async Task TheLocation_IsNotFound_ForAnOfficerOfAnotherMunicipality_AndForARandomId_AndOpensForAnAdministrator()
    {
        var arnhem = await OfficerTestData.ArnhemAsync(app);
        var ede = await OfficerTestData.MunicipalityAsync(app, "GM0228", "Ede");
        await OfficerTestData.UserAsync(app, "els@ede.test", "Els Ede", PortalRoles.Officer, ede);
        var id = await app.LocationAsync(arnhem, "EIGEN-1", "Eigenweg 1", "Eigen Laden", evses: [EvseStatus.Available]);
        using var own = await app.LogInAsAsync(DemoAccounts.Officer);
        using var other = await app.LogInAsAsync("els@ede.test");
        using var admin = await app.LogInAsAsync(DemoAccounts.Admin);
        using var cpo = await app.LogInAsAsync(DemoAccounts.Cpo);

        var (ownResponse, ownPage) = await own.GetPageAsync($"/beheer/laadpunten/{id}");
        Assert.Equal(HttpStatusCode.OK, ownResponse.StatusCode);
        Assert.Equal("Eigenweg 1", ownPage.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync($"/beheer/laadpunten/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await own.Http.GetAsync($"/beheer/laadpunten/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.GetAsync($"/beheer/laadpunten/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await cpo.Http.GetAsync($"/beheer/laadpunten/{id}")).StatusCode);
        Assert.Null(await app.CallAsync("els@ede.test", (BackOfficeChargePoints c, System.Security.Claims.ClaimsPrincipal u) => c.FindAsync(u, id)));
        Assert.Empty(await app.CallAsync("els@ede.test", (BackOfficeChargePoints c, System.Security.Claims.ClaimsPrincipal u) => c.EvseStatesAsync(u, id)));
    }

    [Fact]
    public async Task TheOldStatusHistoryAddress_LeadsToTheLocationPage_ForThoseWhoMaySeeIt()
    {
        var arnhem = await OfficerTestData.ArnhemAsync(app);
        var ede = await OfficerTestData.MunicipalityAsync(app, "GM0228", "Ede");
        await OfficerTestData.UserAsync(app, "eva@ede.test", "Eva Ede", PortalRoles.Officer, ede);
        var id = await app.LocationAsync(arnhem, "OUD-1", "Oudeweg 1", "Oud Laden", evses: [EvseStatus.Available]);
        using var own = await app.LogInAsAsync(DemoAccounts.Officer);
        using var other = await app.LogInAsAsync("eva@ede.test");
        using var resident = await app.LogInAsAsync(DemoAccounts.Resident);
        using var visitor = app.CreateClient();
        var old = $"/laadpunten/{id}/evse/OUD-1-1/status";

        var redirect = await own.Http.GetAsync(old);

        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.Equal($"/beheer/laadpunten/{id}?evse=OUD-1-1", redirect.RedirectPath());
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync(old)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await own.Http.GetAsync($"/laadpunten/{id}/evse/GEEN/status")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.Http.GetAsync(old)).StatusCode);
        Assert.StartsWith("/account/inloggen", (await visitor.Http.GetAsync(old)).RedirectPath(), StringComparison.Ordinal);
        // The public page links officers straight to the new page.
        var (_, publicPage) = await own.GetPageAsync($"/laadpunten/{id}");
        Assert.Equal($"/beheer/laadpunten/{id}?evse=OUD-1-1", publicPage.QuerySelector("[data-testid=status-history]")!.GetAttribute("href"));
    }
}
