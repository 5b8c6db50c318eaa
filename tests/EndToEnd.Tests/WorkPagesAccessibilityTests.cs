using Microsoft.Playwright;

namespace Portal.EndToEnd.Tests;

/// <summary>The pages behind the menu: forms, details and imports, each checked with axe.</summary>
[Collection(PortalCollection.Name)]
public sealed class WorkPagesAccessibilityTests(PortalServer portal)
{
    [Fact]
    public async Task OfficerWorkPages_HaveNoSeriousAccessibilityProblems()
    {
        var page = await portal.NewPageAsync();
        await Journey.LogInAsync(page, "ambtenaar@demo.example", PortalServer.DemoPassword);

        // The spot pages and the imports are interactive: SpotMapTests checks them once their circuit is up.
        foreach (var path in new[] { "/beheer/beleid", "/account/authenticator" })
        {
            await page.GotoAsync(path);
            await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();
            await Accessibility.AssertNoSeriousViolationsAsync(page);
        }

        // The authenticator page asks before it makes a key; after the button it shows the QR code and the code field.
        await page.GotoAsync("/account/authenticator");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sleutel aanmaken" }).ClickAsync();
        await Assertions.Expect(page.Locator(".portal-qr img")).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        // The demo's three permit zones are drawn over the map on the policy page.
        await page.GotoAsync("/beheer/beleid");
        await Assertions.Expect(page.Locator("path.backoffice-map__area")).ToHaveCountAsync(3);

        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AdministratorWorkPages_HaveNoSeriousAccessibilityProblems()
    {
        var page = await portal.NewPageAsync();
        await Journey.LogInAsync(page, "beheerder@demo.example", PortalServer.DemoPassword);

        // The former new-user page opens its dialog on the interactive users page.
        await page.GotoAsync("/admin/gebruikers/nieuw");
        await Journey.WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Dialog)).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.GotoAsync("/admin/gebruikers?rol=Officer");
        await Journey.WaitForCircuitAsync(page);
        await page.Locator(".mud-table-body a").First.ClickAsync();
        await Assertions.Expect(page.Locator("h2").First).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.Context.CloseAsync();
    }
}
