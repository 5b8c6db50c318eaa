using System.Globalization;
using Microsoft.Playwright;

namespace Portal.EndToEnd.Tests;

[Collection(PortalCollection.Name)]
public sealed class UsingTheMapsTests(PortalServer portal)
{
    private static async Task WaitForMapDataAsync(IPage page) =>
        await page.WaitForFunctionAsync("() => document.getElementById('map')?.dataset.loaded !== undefined");

    [Fact]
    public async Task OfficerClicksTheMapNextToACharger_AndIsWarnedBeforeSaving()
    {
        var (latitude, longitude) = portal.AChargeLocation();
        var page = await portal.NewPageAsync();
        await Journey.LogInAsync(page, "ambtenaar@demo.example", PortalServer.DemoPassword);
        await page.GotoAsync("/beheer/plekken/kaart");
        await WaitForMapDataAsync(page);
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.EvaluateAsync("([lat, lon]) => window.portalMap.setView([lat, lon], 18, { animate: false })", new[] { latitude, longitude });
        // About 15 m north of the charge location: outside its marker, inside the 50 m guideline.
        var point = await page.EvaluateAsync<double[]>("([lat, lon]) => { const p = window.portalMap.latLngToContainerPoint([lat, lon]); return [p.x, p.y]; }", new[] { latitude + 0.000135, longitude });
        await page.Locator("#map").ClickAsync(new LocatorClickOptions { Position = new Position { X = (float)point[0], Y = (float)point[1] } });

        await page.WaitForURLAsync(url => url.Contains("/beheer/plekken/nieuw?lat=", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("[data-testid=spot-warnings]")).ToContainTextAsync("Er staat een laadpunt op");
        var clickedLatitude = double.Parse(await page.Locator("#lat").InputValueAsync(), CultureInfo.InvariantCulture);
        Assert.InRange(clickedLatitude, latitude + 0.00005, latitude + 0.00025);
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.GetByLabel("Adres of omschrijving").FillAsync("Proefplek bij de lader");
        await page.GetByLabel("Vrije stoepbreedte (cm)").FillAsync("140");
        await page.GetByLabel("Afstand tot het parkeervak (cm)").FillAsync("30");
        await page.GetByRole(AriaRole.Button, new() { Name = "Plek opslaan" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("voldoet niet aan alle richtlijnen");
        await page.GetByLabel("Ik heb de waarschuwingen gezien en sla de plek toch op").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Plek opslaan" }).ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Proefplek bij de lader");
        await Assertions.Expect(page.Locator("[data-testid=spot-status]")).ToHaveTextAsync("Kandidaat");
        await Assertions.Expect(page.Locator("[data-testid=spot-warnings]")).ToContainTextAsync("Er staat een laadpunt op");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task PublicMap_DrawsTheChargePoints_AndHasNoSeriousAccessibilityProblems()
    {
        var page = await portal.NewPageAsync();

        await page.GotoAsync("/kaart");
        await WaitForMapDataAsync(page);

        Assert.True(int.Parse(await page.Locator("#map").GetAttributeAsync("data-loaded") ?? "0", CultureInfo.InvariantCulture) > 0);
        await Assertions.Expect(page.Locator(".portal-cluster, .portal-marker").First).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TableView_WorksWithoutJavaScript()
    {
        var page = await portal.NewPageAsync(javaScript: false);

        await page.GotoAsync("/kaart");
        await page.GetByRole(AriaRole.Link, new() { Name = "Bekijk als lijst, met afstand tot uw adres" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Laadpunten");
        await page.GetByLabel("Zoek op straat, plaats, postcode of exploitant").FillAsync("Velperweg");
        await page.Locator("form[role=search]").GetByRole(AriaRole.Button, new() { Name = "Zoeken" }).ClickAsync();

        await Assertions.Expect(page.Locator("[role=status]")).ToContainTextAsync("laadlocaties gevonden");
        var rows = await page.Locator("tbody tr").AllInnerTextsAsync();
        Assert.NotEmpty(rows);
        Assert.All(rows, row => Assert.Contains("Velperweg", row, StringComparison.OrdinalIgnoreCase));

        await page.GotoAsync("/laadpunten");
        await page.GetByRole(AriaRole.Link, new() { Name = "Volgende pagina" }).ClickAsync();
        await Assertions.Expect(page.Locator(".portal-pager")).ToContainTextAsync("Pagina 2 van 27");
        await page.Context.CloseAsync();
    }
}
