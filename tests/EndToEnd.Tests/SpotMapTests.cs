using Microsoft.Playwright;

namespace Portal.EndToEnd.Tests;

/// <summary>The officer's spot pages in a real browser: the Leaflet map over the circuit, the panel, the dialogs, each state checked with axe.</summary>
[Collection(PortalCollection.Name)]
public sealed class SpotMapTests(PortalServer portal)
{
    private const string Officer = "ambtenaar@demo.example";
    private const string AcceptWarnings = "Ik heb de waarschuwingen gezien en sla de plek toch op";

    /// <summary>
    /// Snackbars fade in and out, and axe measures a fading one's contrast at its opacity: the checks run once
    /// they are gone. A snackbar under the mouse pointer stays, so the pointer moves off first.
    /// </summary>
    private static async Task SnackbarsGoneAsync(IPage page)
    {
        await page.Mouse.MoveAsync(1, 1);
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToHaveCountAsync(0, new() { Timeout = 20_000 });
    }

    [Fact]
    public async Task AnOfficer_ClicksToAddASpot_SeesTheChecks_SavesIt_DragsIt_AndFindsItInTheList()
    {
        var (latitude, longitude) = portal.AChargeLocation();
        var page = await portal.NewPageAsync();
        await Journey.LogInAsync(page, Officer, PortalServer.DemoPassword);
        await page.GotoAsync("/beheer/plekken/kaart");
        await Journey.WaitForCircuitAsync(page);
        var map = page.Locator(".backoffice-map__canvas");
        await Assertions.Expect(map).ToHaveAttributeAsync("data-ready", "true");
        await Assertions.Expect(map).ToHaveAttributeAsync("data-loaded", new System.Text.RegularExpressions.Regex("^[0-9]+$"));
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        // About 15 m north of a charge location: outside its marker, inside the 50 m guideline.
        await page.EvaluateAsync("([lat, lon]) => document.querySelector('.backoffice-map__canvas').portalMap.setView([lat, lon], 18, { animate: false })", new[] { latitude, longitude });
        var point = await page.EvaluateAsync<double[]>(
            "([lat, lon]) => { const p = document.querySelector('.backoffice-map__canvas').portalMap.latLngToContainerPoint([lat, lon]); return [p.x, p.y]; }",
            new[] { latitude + 0.000135, longitude });
        await map.ClickAsync(new LocatorClickOptions { Position = new Position { X = (float)point[0], Y = (float)point[1] } });

        var panel = page.Locator("[data-testid=spot-panel]");
        await Assertions.Expect(panel.Locator("h2")).ToHaveTextAsync("Nieuwe plek");
        await Assertions.Expect(panel.Locator("[data-testid=spot-warnings]")).ToContainTextAsync("Er staat een laadpunt op");
        await Assertions.Expect(page.Locator(".backoffice-map__pin--new")).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await panel.GetByLabel("Adres of omschrijving").FillAsync("Proefplek op de kaart");
        await panel.GetByLabel("Vrije stoepbreedte (cm)").FillAsync("140");
        await panel.GetByLabel("Afstand tot het parkeervak (cm)").FillAsync("30");
        await panel.GetByRole(AriaRole.Button, new() { Name = "Plek opslaan" }).ClickAsync();
        await Assertions.Expect(panel.GetByRole(AriaRole.Alert)).ToContainTextAsync("voldoet niet aan alle richtlijnen");
        await panel.GetByLabel(AcceptWarnings).CheckAsync();
        await panel.GetByRole(AriaRole.Button, new() { Name = "Plek opslaan" }).ClickAsync();

        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("Plek Proefplek op de kaart is opgeslagen.");
        await Assertions.Expect(panel.Locator("[data-testid=chosen-spot]")).ToHaveTextAsync("Proefplek op de kaart");
        await Assertions.Expect(page.Locator("[data-testid=spot-list]")).ToContainTextAsync("Proefplek op de kaart");
        await SnackbarsGoneAsync(page);

        // Drag the spot's marker a little to the east.
        var marker = page.Locator(".backoffice-map__pin[aria-label='Proefplek op de kaart']");
        await Assertions.Expect(marker).ToBeVisibleAsync();
        var box = (await marker.BoundingBoxAsync())!;
        var (x, y) = (box.X + box.Width / 2, box.Y + box.Height / 2);
        await page.Mouse.MoveAsync(x, y);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(x + 20, y + 5, new() { Steps = 5 });
        await page.Mouse.MoveAsync(x + 40, y + 10, new() { Steps = 5 });
        await page.Mouse.UpAsync();

        var dialog = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToContainTextAsync("Proefplek op de kaart gaat");
        await Assertions.Expect(dialog.Locator("[data-testid=spot-warnings]")).ToContainTextAsync("Er staat een laadpunt op");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await dialog.GetByLabel("Reden", new() { Exact = true }).FillAsync("Net naast de lader");
        await dialog.GetByLabel(AcceptWarnings).CheckAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Verplaatsen" }).ClickAsync();
        await Assertions.Expect(dialog).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("Plek Proefplek op de kaart is verplaatst.");
        await SnackbarsGoneAsync(page);

        // The list of all spots finds it, filtered on its address; its page has the move in its history.
        await page.GetByRole(AriaRole.Link, new() { Name = "Plekkenkaart" }).First.ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/beheer/plekken", StringComparison.Ordinal));
        await page.GetByLabel("Adres of omschrijving").FillAsync("proefplek op");
        var grid = page.Locator(".mud-table-body");
        await Assertions.Expect(grid.Locator("tr")).ToHaveCountAsync(1);
        await Assertions.Expect(grid).ToContainTextAsync("Proefplek op de kaart");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await grid.GetByRole(AriaRole.Link, new() { Name = "Proefplek op de kaart" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Proefplek op de kaart");
        await Assertions.Expect(page.Locator("[data-testid=spot-history]")).ToContainTextAsync("Verplaatst van");
        await Assertions.Expect(page.Locator("[data-testid=spot-history]")).ToContainTextAsync("Net naast de lader");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TheNewSpotPage_TheSpotsPageWithItsDialogs_AndTheImports_WorkAndHaveNoSeriousAccessibilityProblems()
    {
        var page = await portal.NewPageAsync();
        await Journey.LogInAsync(page, Officer, PortalServer.DemoPassword);

        foreach (var path in new[] { "/beheer/plekken/importeren", "/beheer/laadpunten/importeren", "/beheer/plekken/nieuw" })
        {
            await page.GotoAsync(path);
            await Journey.WaitForCircuitAsync(page);
            await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();
            await Accessibility.AssertNoSeriousViolationsAsync(page);
        }

        // The address field suggests addresses from PDOK (the test's stand-in); choosing one sets the point.
        await page.GetByLabel("Plek zoeken op adres").FillAsync("Velperweg 1");
        var suggestion = page.Locator(".mud-popover .mud-list-item", new() { HasText = "Velperweg 1, 6824BA Arnhem" }).First;
        await Assertions.Expect(suggestion).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await suggestion.ClickAsync();
        await Assertions.Expect(page.GetByLabel("Breedtegraad")).ToHaveValueAsync("51.9871904");
        await Assertions.Expect(page.Locator(".backoffice-map__pin--new")).ToBeVisibleAsync();

        // A point in the park, away from the chargers.
        await page.GetByLabel("Breedtegraad").FillAsync("51.996");
        await page.GetByLabel("Lengtegraad").FillAsync("5.899");
        await page.GetByLabel("Adres of omschrijving").FillAsync("Toegankelijkheidsproef");
        await page.GetByLabel("Vrije stoepbreedte (cm)").FillAsync("150");
        await page.GetByLabel("Afstand tot het parkeervak (cm)").FillAsync("20");
        await page.GetByRole(AriaRole.Button, new() { Name = "Plek opslaan" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Toegankelijkheidsproef");
        await Assertions.Expect(page.Locator("[data-testid=spot-status]")).ToHaveTextAsync("Kandidaat");
        await Assertions.Expect(page.Locator(".backoffice-map__canvas")).ToHaveAttributeAsync("data-ready", "true");
        await SnackbarsGoneAsync(page);
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Plek wijzigen" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog.GetByLabel("Adres of omschrijving")).ToHaveValueAsync("Toegankelijkheidsproef");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(dialog).ToBeHiddenAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Status wijzigen" }).ClickAsync();
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await dialog.GetByLabel("Gereserveerd").CheckAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Status wijzigen" }).ClickAsync();
        await Assertions.Expect(dialog).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("[data-testid=spot-status]")).ToHaveTextAsync("Gereserveerd");

        // The former edit address opens the same dialog.
        await page.GotoAsync(page.Url + "/bewerken");
        await Journey.WaitForCircuitAsync(page);
        await Assertions.Expect(dialog.GetByLabel("Adres of omschrijving")).ToHaveValueAsync("Toegankelijkheidsproef");
        await page.Context.CloseAsync();
    }
}
