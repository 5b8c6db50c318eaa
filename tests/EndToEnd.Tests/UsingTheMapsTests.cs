using System.Globalization;
using Microsoft.Playwright;

namespace Portal.EndToEnd.Tests;

[Collection(PortalCollection.Name)]
public sealed class UsingTheMapsTests(PortalServer portal)
{
    private static async Task WaitForMapDataAsync(IPage page) =>
        await page.WaitForFunctionAsync("() => document.getElementById('map')?.dataset.loaded !== undefined");

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
