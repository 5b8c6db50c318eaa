using Bunit;
using Microsoft.EntityFrameworkCore;
using Portal.Components.BackOffice;
using Portal.Domain.Accounts;
using Portal.Domain.ChargePoints;
using Portal.Features.Operators;
using Portal.Tests.Applications;
using Portal.Tests.ChargePoints;
using Microsoft.Extensions.DependencyInjection;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Operators;

/// <summary>The CPO user's workspace (bUnit and its service): only the operator's own charge locations.</summary>
public sealed class OperatorPageTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private const string DemoOperator = "Vattenfall InCharge";
    // A first call warms up the database model; on a busy machine that takes a while.
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private static IReadOnlyList<string> Ids(IRenderedComponent<OperatorPage> page) =>
        page.FindAll("[data-testid=cpo-locations] tbody tr td:nth-child(2)").Select(c => c.TextContent.Trim()).ToList();

    [Fact]
    public async Task TheDemoCpoUser_SeesOnlyTheirOperatorsLocations()
    {
        var arnhem = await OfficerTestData.ArnhemAsync(app);
        await app.LocationAsync(arnhem, "CPO-EIGEN", "Cpoweg 1", DemoOperator);
        await app.LocationAsync(arnhem, "CPO-ANDER", "Cpoweg 2", "Andere Exploitant");
        var own = await OfficerTestData.ReadAsync(app, db => db.ChargeLocations.CountAsync(l => l.OperatorName == DemoOperator));
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Cpo);
        context.RenderProviders();
        context.Navigation.NavigateTo("/cpo?zoek=cpoweg");

        var page = context.Render<OperatorPage>();

        page.WaitForAssertion(() => Assert.Equal(["CPO-EIGEN"], Ids(page)), Wait);
        Assert.Equal(DemoOperator, page.Find("h1").TextContent.Trim());
        Assert.Equal(own.ToString(System.Globalization.CultureInfo.InvariantCulture), new string([.. page.Find("[data-testid=operator-locations]").TextContent.Where(char.IsAsciiDigit)]));
        var everything = await app.CallAsync(DemoAccounts.Cpo, (OperatorQueries q, System.Security.Claims.ClaimsPrincipal u) => q.LocationsAsync(u, GridQuery.Default with { PageSize = 100 }, null, null));
        Assert.Equal(own, everything.Total);
        Assert.Contains("Arnhem", page.Find("[data-testid=per-municipality]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherOperatorsUser_SeesOnlyTheirs_AndAUserWithoutOperatorSeesNothing()
    {
        var arnhem = await OfficerTestData.ArnhemAsync(app);
        var rheden = await OfficerTestData.MunicipalityAsync(app, "GM0275", "Rheden");
        var other = await app.RegisterOperatorAsync("Kleine Laadfirma");
        await app.CreateStaffAsync("Kees Klein", "kees@klein.test", PortalRoles.CpoUser, DateTime.UtcNow, other);
        await app.CreateStaffAsync("Nina Niemand", "nina@niemand.test", PortalRoles.CpoUser, DateTime.UtcNow);
        await app.LocationAsync(arnhem, "KLEIN-1", "Kleinweg 1", "Kleine Laadfirma", evses: [EvseStatus.Available]);
        await app.LocationAsync(rheden, "KLEIN-2", "Kleinweg 2", "Kleine Laadfirma", evses: [EvseStatus.OutOfOrder]);
        await app.LocationAsync(arnhem, "KLEIN-3", "Kleinweg 3", DemoOperator);
        await using var context = await BackOfficeContext.SignedInAsAsync(app, "kees@klein.test");
        context.RenderProviders();

        var page = context.Render<OperatorPage>();

        page.WaitForAssertion(() => Assert.Equal(["KLEIN-1", "KLEIN-2"], Ids(page)), Wait);
        Assert.Equal(["Arnhem", "Rheden"], page.FindAll("[data-testid=per-municipality] tbody tr td:first-child").Select(c => c.TextContent.Trim()));

        // The status filter and a municipality chosen in the table narrow the grid, and the address keeps them.
        context.Navigation.NavigateTo("/cpo?status=Unavailable");
        var filtered = context.Render<OperatorPage>();
        filtered.WaitForAssertion(() => Assert.Equal(["KLEIN-2"], Ids(filtered)), Wait);
        Assert.Equal("Buiten gebruik", filtered.Find("#cpo-status").GetAttribute("value"));
        await filtered.InvokeAsync(() => filtered.FindAll("[data-testid=per-municipality] tbody button")[0].ClickAsync(new()));
        filtered.WaitForAssertion(() => Assert.Empty(Ids(filtered)), Wait);
        Assert.EndsWith($"/cpo?gemeente={arnhem}&status=Unavailable", context.Navigation.Uri, StringComparison.Ordinal);

        await using var nobody = await BackOfficeContext.SignedInAsAsync(app, "nina@niemand.test");
        var empty = nobody.Render<OperatorPage>();
        empty.WaitForAssertion(() => Assert.Contains("hoort nog niet bij een exploitant", empty.Find("[data-testid=no-operator]").TextContent, StringComparison.Ordinal), Wait);
        Assert.Equal(0, (await app.CallAsync("nina@niemand.test", (OperatorQueries q, System.Security.Claims.ClaimsPrincipal u) => q.LocationsAsync(u, GridQuery.Default, null, null))).Total);
    }

    [Fact]
    public async Task TheOperatorsGrid_IsSortedAndPagedInTheDatabase()
    {
        var other = await app.RegisterOperatorAsync("Sorteer Laden");
        await app.CreateStaffAsync("Siem Sorteer", "siem@sorteer.test", PortalRoles.CpoUser, DateTime.UtcNow, other);
        var arnhem = await OfficerTestData.ArnhemAsync(app);
        foreach (var n in new[] { "3", "1", "2" })
            await app.LocationAsync(arnhem, $"SRT-{n}", $"Sorteerhof {n}", "Sorteer Laden");

        async Task<IReadOnlyList<string>> IdsAsync(GridQuery query) =>
            (await app.CallAsync("siem@sorteer.test", (OperatorQueries q, System.Security.Claims.ClaimsPrincipal u) => q.LocationsAsync(u, query, null, null))).Items.Select(r => r.SourceId).ToList();

        Assert.Equal(["SRT-1", "SRT-2"], await IdsAsync(new GridQuery(null, null, false, 0, 2)));
        Assert.Equal(["SRT-3"], await IdsAsync(new GridQuery(null, null, false, 1, 2)));
        Assert.Equal(["SRT-3", "SRT-2", "SRT-1"], await IdsAsync(new GridQuery(null, "SourceId", true, 0, 25)));
        Assert.Equal(["SRT-2"], await IdsAsync(new GridQuery("hof 2", null, false, 0, 25)));
    }

    [Fact]
    public async Task AnOfficer_MayNotCallTheCpoWorkspace()
    {
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Officer);
        var calls = context.Services.GetRequiredService<ServiceCalls>();

        await Assert.ThrowsAsync<BackOfficeAccessDeniedException>(() =>
            calls.RunAsync(PortalRoles.CpoUser, (OperatorQueries q, System.Security.Claims.ClaimsPrincipal u) => q.OverviewAsync(u)));
    }
}
