using Microsoft.Playwright;

namespace Portal.EndToEnd.Tests;

/// <summary>The officer's application pages in a real browser, on the demo applications, each checked with axe.</summary>
[Collection(PortalCollection.Name)]
public sealed class OfficerApplicationPagesTests(PortalServer portal)
{
    [Fact]
    public async Task Queue_Detail_AndDecisionForms_HaveNoSeriousAccessibilityProblems()
    {
        var page = await portal.NewPageAsync();
        await Journey.LogInAsync(page, "ambtenaar@demo.example", PortalServer.DemoPassword);

        await page.GotoAsync("/beheer/aanvragen?verlopen=true");
        await Assertions.Expect(page.Locator("[data-testid=queue] tbody a[data-reference]")).Not.ToHaveCountAsync(0);
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.GotoAsync("/beheer/aanvragen?status=Submitted");
        await page.Locator("[data-testid=queue] tbody a[data-reference]").First.ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=findings] li")).Not.ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#map")).ToHaveAttributeAsync("data-loaded", new System.Text.RegularExpressions.Regex("^[1-9]"));
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        var detail = page.Url;

        foreach (var slug in new[] { "goedkeuren", "verwijzen", "informatie" })
        {
            await page.GotoAsync($"{detail}/besluit/{slug}");
            await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();
            await Accessibility.AssertNoSeriousViolationsAsync(page);
        }

        await page.GotoAsync($"{detail}/besluit/afwijzen");
        await page.Locator("[data-testid=templates] a").First.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Voorbeeld van de e-mail tonen" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=mail-preview]")).ToContainTextAsync("Afgewezen");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.Context.CloseAsync();
    }
}
