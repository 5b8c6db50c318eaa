using Microsoft.Playwright;

namespace Portal.EndToEnd.Tests;

/// <summary>The interactive back office in a real browser: the circuit, grids, dialogs, each state checked with axe.</summary>
[Collection(PortalCollection.Name)]
public sealed class BackOfficeTests(PortalServer portal)
{
    [Fact]
    public async Task AnAdministrator_SearchesTheMunicipalities_AndAddsOneInTheDialog()
    {
        var page = await portal.NewPageAsync();
        await Journey.LogInAsync(page, "beheerder@demo.example", PortalServer.DemoPassword);

        await page.GotoAsync("/admin/gemeenten");
        await Journey.WaitForCircuitAsync(page);
        var grid = page.Locator(".mud-table-body");
        await Assertions.Expect(grid).ToContainTextAsync("Arnhem");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Gemeente toevoegen" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await dialog.GetByLabel("CBS-code").FillAsync("gm0344");
        await dialog.GetByLabel("Naam").FillAsync("Utrecht");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Gemeente toevoegen" }).ClickAsync();

        await Assertions.Expect(dialog).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("Gemeente Utrecht is toegevoegd.");
        await Assertions.Expect(grid).ToContainTextAsync("GM0344");

        // The search narrows the grid over the circuit and lands in the address, so the view can be shared.
        await page.GetByLabel("Zoeken").FillAsync("utrecht");
        await Assertions.Expect(grid.Locator("tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/admin/gemeenten\\?zoek=utrecht$"));
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        // Opening that address afresh shows the same view.
        await page.ReloadAsync();
        await Journey.WaitForCircuitAsync(page);
        await Assertions.Expect(grid.Locator("tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByLabel("Zoeken")).ToHaveValueAsync("utrecht");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TheAddDialog_IsUsableWithTheKeyboardAlone()
    {
        var page = await portal.NewPageAsync();
        await Journey.LogInAsync(page, "beheerder@demo.example", PortalServer.DemoPassword);
        await page.GotoAsync("/admin/gemeenten");
        await Journey.WaitForCircuitAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Gemeente toevoegen" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog.GetByLabel("CBS-code")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("GM0345");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("Toetsenborddorp");
        await page.Keyboard.PressAsync("Escape");

        await Assertions.Expect(dialog).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Gemeente toevoegen" })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ADroppedConnection_ShowsTheNotice_AndReconnectsToThePage_WithWhatWasTyped()
    {
        await using var proxy = DroppableProxy.To(portal.BaseUrl);
        var page = await portal.NewPageAsync(baseUrl: proxy.BaseUrl);
        await Journey.LogInAsync(page, "beheerder@demo.example", PortalServer.DemoPassword);
        await page.GotoAsync("/admin/gemeenten");
        await Journey.WaitForCircuitAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Gemeente toevoegen" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("CBS-code").FillAsync("GM0346");
        // What is typed reaches the portal as it is typed; a keystroke on the line at the moment it drops is lost.
        // Leaving the name empty first shows "Vul dit veld in."; that message going away is the portal's sign that it
        // has the name (and, the line being in order, the code before it).
        var name = dialog.GetByLabel("Naam");
        await name.FocusAsync();
        await name.PressAsync("Tab");
        var required = dialog.GetByText("Vul dit veld in.");
        await Assertions.Expect(required).ToBeVisibleAsync();
        await name.FillAsync("Tunneldorp");
        await Assertions.Expect(required).ToBeHiddenAsync();

        proxy.Cut();
        var notice = page.Locator("#components-reconnect-modal");
        await Assertions.Expect(notice).ToBeVisibleAsync();
        await Assertions.Expect(notice).ToContainTextAsync("wat u hebt ingevuld blijft staan");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        proxy.Restore();
        await Assertions.Expect(notice).ToBeHiddenAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(name).ToHaveValueAsync("Tunneldorp");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Gemeente toevoegen" }).ClickAsync();
        // Saved over the circuit that just came back; the dialog closes, then the list reloads.
        await Assertions.Expect(dialog).ToBeHiddenAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator(".mud-table-body")).ToContainTextAsync("Tunneldorp", new() { Timeout = 30_000 });
        await page.Context.CloseAsync();
    }
}
