using Microsoft.Playwright;

namespace Portal.EndToEnd.Tests;

/// <summary>The order text template page in a real browser: accessible, and a wrong placeholder is named where it was typed.</summary>
[Collection(PortalCollection.Name)]
public sealed class OrderTemplatePageTests(PortalServer portal)
{
    [Fact]
    public async Task AnOfficer_EditsTheOrderText_AndAWrongPlaceholderIsNamedUnderItsField()
    {
        var page = await portal.NewPageAsync();
        await Journey.LogInAsync(page, "ambtenaar@demo.example", PortalServer.DemoPassword);

        await page.GotoAsync("/beheer/verkeersbesluiten/sjabloon");
        await Journey.WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Tekst van verkeersbesluiten");
        await Assertions.Expect(page.Locator("[data-testid=template-preview]")).ToContainTextAsync("Verkeersbesluit Laadplaatsen voorbeeldwijk");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.Locator("#part-Considerations").FillAsync("dat {naam_aanvrager} erom vroeg;");
        await page.Locator("#part-Considerations").PressAsync("Tab");

        await Assertions.Expect(page.Locator(".mud-input-control:has(#part-Considerations) .mud-input-helper-text.mud-input-error"))
            .ToContainTextAsync("De plaatshouder {naam_aanvrager} bestaat niet.");
        await Assertions.Expect(page.Locator("[data-testid=template-preview]")).ToContainTextAsync("dat {naam_aanvrager} erom vroeg;");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.Context.CloseAsync();
    }
}
