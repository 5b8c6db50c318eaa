using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Portal.EndToEnd.Tests;

/// <summary>The officer's overview and charge point grid, and the CPO user's workspace, in a real browser with axe.</summary>
[Collection(PortalCollection.Name)]
public sealed class OverviewAndChargePointsTests(PortalServer portal)
{
    private const string DemoOperator = "Vattenfall InCharge";
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    [Fact]
    public async Task TheDemoCpoUser_SeesOnlyTheirOperatorsLocations_AndNoOfficerOrAdministratorPages()
    {
        var own = portal.Read(db => db.ChargeLocations.Count(l => l.OperatorName == DemoOperator));
        var someoneElses = portal.Read(db => db.ChargeLocations.Where(l => l.OperatorName != DemoOperator).OrderBy(l => l.SourceId).Select(l => l.SourceId).First());
        var page = await portal.NewPageAsync();
        await Journey.LogInAsync(page, "cpo@demo.example", PortalServer.DemoPassword);

        await page.GotoAsync("/cpo");
        await Journey.WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(DemoOperator);
        var rows = page.Locator("[data-testid=cpo-locations] .mud-table-body tr");
        await Assertions.Expect(page.Locator("[data-testid=cpo-total]")).ToContainTextAsync($"{own.ToString("N0", Dutch)} laadlocaties");
        await Assertions.Expect(rows.Locator("[data-location]")).Not.ToHaveCountAsync(0);
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        // Another operator's location is not found, not even by its id.
        await page.GetByLabel("Zoeken", new() { Exact = true }).FillAsync(someoneElses);
        await Assertions.Expect(page.Locator("[data-testid=cpo-total]")).ToContainTextAsync("0 laadlocaties");
        await Assertions.Expect(rows.Locator("[data-location]")).ToHaveCountAsync(0);

        // The status filter narrows the grid and lands in the address.
        await page.GetByLabel("Zoeken", new() { Exact = true }).FillAsync("");
        await page.Locator("#cpo-status").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Beschikbaar" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/cpo\\?status=Available$"));
        await Assertions.Expect(rows.Locator("[data-location]")).Not.ToHaveCountAsync(0);
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        foreach (var path in new[] { "/beheer", "/beheer/laadpunten", "/beheer/beleid", "/admin/gebruikers", "/admin/gemeenten" })
        {
            var response = await page.GotoAsync(path);
            Assert.Equal(403, response!.Status);
        }
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AnOfficer_OpensTheOverview_FiltersTheChargePoints_AndReadsAnEvsesHistory()
    {
        var page = await portal.NewPageAsync();
        await Journey.LogInAsync(page, "ambtenaar@demo.example", PortalServer.DemoPassword);

        await page.GotoAsync("/beheer");
        await Journey.WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator("section h2")).ToHaveTextAsync("Arnhem (GM0202)");
        await Assertions.Expect(page.Locator(".overview-chart svg")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("[data-testid=decisions-per-month] tbody tr")).ToHaveCountAsync(12);
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.Locator("#backoffice-drawer").GetByRole(AriaRole.Link, new() { Name = "Laadlocaties" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/beheer/laadpunten$"));
        var rows = page.Locator("[data-testid=chargepoints] .mud-table-body tr");
        await Assertions.Expect(rows.Locator("a[data-location]")).Not.ToHaveCountAsync(0);
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.Locator("#chargepoint-status").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Beschikbaar" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/beheer/laadpunten\\?status=Available$"));
        await Assertions.Expect(rows.Locator("a[data-location]")).Not.ToHaveCountAsync(0);
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await rows.Locator("a[data-location]").First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/beheer/laadpunten/[0-9a-f-]{36}$"));
        await Assertions.Expect(page.Locator("[data-testid=evses] tbody tr")).Not.ToHaveCountAsync(0);
        await page.Locator("[data-testid=status-history]").First.ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=evse-history] h2")).ToContainTextAsync("Statusgeschiedenis van");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("\\?evse="));
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ThePolicyPage_SavesInTheBrowser_AndAsksBeforeRemovingAReason()
    {
        var page = await portal.NewPageAsync();
        await Journey.LogInAsync(page, "ambtenaar@demo.example", PortalServer.DemoPassword);

        await page.GotoAsync("/beheer/beleid");
        await Journey.WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=zones-map] path.backoffice-map__area")).ToHaveCountAsync(3);
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.GetByLabel("Beleidsafstand (meter)").FillAsync("tweehonderd");
        await page.GetByRole(AriaRole.Button, new() { Name = "Beleid opslaan" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=policy-problem]")).ToContainTextAsync("niet opgeslagen");
        await Assertions.Expect(page.GetByText("Vul een heel getal in.")).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        var reasons = await page.Locator("[data-testid=reject-reason]").CountAsync();
        await page.Locator("[data-testid=remove-reason]").Last.ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Annuleren" }).ClickAsync();
        await Assertions.Expect(dialog).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("[data-testid=reject-reason]")).ToHaveCountAsync(reasons);

        await page.GetByLabel("Beleidsafstand (meter)").FillAsync("250");
        await page.GetByRole(AriaRole.Button, new() { Name = "Beleid opslaan" }).ClickAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("Het beleid is opgeslagen.");
        await page.Context.CloseAsync();
    }
}
