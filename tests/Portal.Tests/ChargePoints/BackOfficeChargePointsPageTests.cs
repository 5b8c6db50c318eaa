using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Portal.Components.BackOffice;
using Portal.Domain.Accounts;
using Portal.Domain.ChargePoints;
using Portal.Features.ChargePoints;
using Portal.Tests.Applications;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.ChargePoints;

/// <summary>The back office's grid of charge locations (bUnit and its service) over the real portal and database.</summary>
public sealed class BackOfficeChargePointsPageTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    // A first call warms up the database model; on a busy machine that takes a while.
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private static IReadOnlyList<string> Cells(IRenderedComponent<BackOfficeChargePointsPage> page, int column) =>
        page.FindAll($"[data-testid=chargepoints] tbody tr td:nth-child({column})").Select(c => c.TextContent.Trim()).ToList();

    private static IReadOnlyList<string> Ids(IRenderedComponent<BackOfficeChargePointsPage> page) => Cells(page, 2);

    [Fact]
    public async Task AnOfficer_SeesTheirMunicipalitysLocations_PrivateOnesToo_AndNoneOfAnotherMunicipality()
    {
        var arnhem = await OfficerTestData.ArnhemAsync(app);
        var rheden = await OfficerTestData.MunicipalityAsync(app, "GM0275", "Rheden");
        await app.LocationAsync(arnhem, "ZICHT-1", "Zichtlaan 1", "Zicht BV");
        await app.LocationAsync(arnhem, "ZICHT-2", "Zichtlaan 2", "Zicht BV", isPublic: false);
        await app.LocationAsync(rheden, "ZICHT-3", "Zichtlaan 3", "Zicht BV");
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Officer);
        context.RenderProviders();
        context.Navigation.NavigateTo("/beheer/laadpunten?zoek=zichtlaan");

        var page = context.Render<BackOfficeChargePointsPage>();

        page.WaitForAssertion(() => Assert.Equal(["ZICHT-1", "ZICHT-2"], Ids(page)), Wait);
        Assert.Contains("Niet openbaar", page.FindAll("tbody tr")[1].TextContent, StringComparison.Ordinal);
        Assert.All(Cells(page, 3), m => Assert.Equal("Arnhem", m));
        Assert.Contains("2 laadlocaties", page.Find("[data-testid=chargepoint-total]").TextContent, StringComparison.Ordinal);
        var link = page.Find("tbody tr a").GetAttribute("href")!;
        Assert.StartsWith("/beheer/laadpunten/", link, StringComparison.Ordinal);
        // One municipality: no municipality filter to choose from.
        Assert.Empty(page.FindAll("#chargepoint-municipality"));
    }

    [Fact]
    public async Task AnOfficerOfAnotherMunicipality_SeesNothingOfArnhem()
    {
        var arnhem = await OfficerTestData.ArnhemAsync(app);
        var ede = await OfficerTestData.MunicipalityAsync(app, "GM0228", "Ede");
        await OfficerTestData.UserAsync(app, "erik@ede.test", "Erik Ede", PortalRoles.Officer, ede);
        await app.LocationAsync(arnhem, "VREEMD-1", "Vreemdweg 1", "Vreemd BV");
        await app.LocationAsync(ede, "VREEMD-2", "Vreemdweg 2", "Vreemd BV");
        await using var context = await BackOfficeContext.SignedInAsAsync(app, "erik@ede.test");
        context.RenderProviders();
        context.Navigation.NavigateTo($"/beheer/laadpunten?zoek=vreemdweg&gemeente={arnhem}");

        var page = context.Render<BackOfficeChargePointsPage>();

        // Arnhem in the address is no filter for someone who does not see Arnhem: the grid shows their own.
        page.WaitForAssertion(() => Assert.Equal(["VREEMD-2"], Ids(page)), Wait);
        var choices = await app.CallAsync("erik@ede.test", (BackOfficeChargePoints c, System.Security.Claims.ClaimsPrincipal u) => c.ChoicesAsync(u));
        Assert.Equal(["Ede"], choices.Municipalities.Select(m => m.Name));
        var everything = await app.CallAsync("erik@ede.test", (BackOfficeChargePoints c, System.Security.Claims.ClaimsPrincipal u) => c.PageAsync(u, GridQuery.Default with { PageSize = 100 }, new ChargePointFilter(arnhem)));
        Assert.Equal(0, everything.Total);
    }

    [Fact]
    public async Task AnAdministrator_SeesEveryMunicipality_AndFiltersOnOne()
    {
        var arnhem = await OfficerTestData.ArnhemAsync(app);
        var rheden = await OfficerTestData.MunicipalityAsync(app, "GM0275", "Rheden");
        await app.LocationAsync(arnhem, "ALLES-1", "Allesweg 1", "Alles BV");
        await app.LocationAsync(rheden, "ALLES-2", "Allesweg 2", "Alles BV");
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Admin);
        context.RenderProviders();
        context.Navigation.NavigateTo("/beheer/laadpunten?zoek=allesweg");
        var page = context.Render<BackOfficeChargePointsPage>();
        page.WaitForAssertion(() => Assert.Equal(["ALLES-1", "ALLES-2"], Ids(page)), Wait);

        context.Navigation.NavigateTo($"/beheer/laadpunten?zoek=allesweg&gemeente={rheden}");
        var filtered = context.Render<BackOfficeChargePointsPage>();

        filtered.WaitForAssertion(() => Assert.Equal(["ALLES-2"], Ids(filtered)), Wait);
        Assert.Equal("Rheden", filtered.Find("#chargepoint-municipality").GetAttribute("value"));
    }

    [Fact]
    public async Task TheAddressOpensTheGridFilteredOnOperatorAndStatus_AndSearchingKeepsTheViewInTheAddress()
    {
        var arnhem = await OfficerTestData.ArnhemAsync(app);
        await app.LocationAsync(arnhem, "FILTER-1", "Filterstraat 1", "Filter Laden", evses: [EvseStatus.OutOfOrder]);
        await app.LocationAsync(arnhem, "FILTER-2", "Filterstraat 2", "Filter Laden", evses: [EvseStatus.Available]);
        await app.LocationAsync(arnhem, "FILTER-3", "Filterstraat 3", "Ander Laden", evses: [EvseStatus.OutOfOrder]);
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Officer);
        context.RenderProviders();
        context.Navigation.NavigateTo("/beheer/laadpunten?zoek=filterstraat&operator=Filter%20Laden&status=Unavailable");

        var page = context.Render<BackOfficeChargePointsPage>();

        page.WaitForAssertion(() => Assert.Equal(["FILTER-1"], Ids(page)), Wait);
        Assert.Equal("Filter Laden", page.Find("#chargepoint-operator").GetAttribute("value"));
        Assert.Equal("Buiten gebruik", page.Find("#chargepoint-status").GetAttribute("value"));

        // The quick search also finds an id; the address keeps the filters and the new search.
        await page.Find("#chargepoint-search").InputAsync(new Microsoft.AspNetCore.Components.ChangeEventArgs { Value = "filter-1" });
        await context.NavigatedToAsync(uri => uri.EndsWith("/beheer/laadpunten?zoek=filter-1&operator=Filter%20Laden&status=Unavailable", StringComparison.Ordinal), Wait);
        Assert.Equal(["FILTER-1"], Ids(page));
    }

    [Fact]
    public async Task TheGridsQuery_IsSortedAndPagedInTheDatabase()
    {
        var arnhem = await OfficerTestData.ArnhemAsync(app);
        await app.LocationAsync(arnhem, "SORT-A", "Sorteerlaan 1", "Aa Laden", maxPowerWatts: 50_000);
        await app.LocationAsync(arnhem, "SORT-B", "Sorteerlaan 2", "Bb Laden", maxPowerWatts: 22_000);
        await app.LocationAsync(arnhem, "SORT-C", "Sorteerlaan 3", "Cc Laden", maxPowerWatts: 3_700);

        async Task<(IReadOnlyList<string> Ids, int Total)> PageAsync(GridQuery query)
        {
            var page = await app.CallAsync(DemoAccounts.Officer, (BackOfficeChargePoints c, System.Security.Claims.ClaimsPrincipal u) => c.PageAsync(u, query, new ChargePointFilter()));
            return (page.Items.Select(r => r.SourceId).ToList(), page.Total);
        }

        var first = await PageAsync(new GridQuery("sorteerlaan", "OperatorName", true, 0, 2));
        Assert.Equal(["SORT-C", "SORT-B"], first.Ids);
        Assert.Equal(3, first.Total);
        Assert.Equal(["SORT-A"], (await PageAsync(new GridQuery("sorteerlaan", "OperatorName", true, 1, 2))).Ids);
        Assert.Equal(["SORT-C", "SORT-B", "SORT-A"], (await PageAsync(new GridQuery("sorteerlaan", "MaxPowerWatts", false, 0, 25))).Ids);
        Assert.Equal(["SORT-A", "SORT-B", "SORT-C"], (await PageAsync(new GridQuery("sorteerlaan", null, false, 0, 25))).Ids);
        Assert.Equal(["SORT-B"], (await PageAsync(new GridQuery("bb laden", null, false, 0, 25))).Ids);
    }

    [Fact]
    public async Task ACpoUser_MayNotCallTheBackOfficeGrid()
    {
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Cpo);
        var calls = context.Services.GetRequiredService<ServiceCalls>();

        await Assert.ThrowsAsync<BackOfficeAccessDeniedException>(() =>
            calls.RunAsync(PortalRoles.Officer, (BackOfficeChargePoints c, System.Security.Claims.ClaimsPrincipal u) => c.PageAsync(u, GridQuery.Default, new ChargePointFilter())));
    }
}
