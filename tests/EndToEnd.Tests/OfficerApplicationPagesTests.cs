using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Portal.EndToEnd.Tests;

/// <summary>The officer's application pages in a real browser, on the demo applications, each state checked with axe.</summary>
[Collection(PortalCollection.Name)]
public sealed class OfficerApplicationPagesTests(PortalServer portal)
{
    [Fact]
    public async Task Queue_Detail_AndEveryDialog_HaveNoSeriousAccessibilityProblems()
    {
        var page = await portal.NewPageAsync();
        await Journey.LogInAsync(page, "ambtenaar@demo.example", PortalServer.DemoPassword);

        await page.GotoAsync("/beheer/aanvragen?verlopen=true");
        await Journey.WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=queue] tbody a[data-reference]")).Not.ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-testid=chart-by-district] svg")).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.GotoAsync("/beheer/aanvragen?status=Submitted");
        await Journey.WaitForCircuitAsync(page);
        await page.Locator("[data-testid=queue] tbody a[data-reference]").First.ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=findings] li")).Not.ToHaveCountAsync(0);
        await Journey.WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator(".backoffice-map__canvas")).ToHaveAttributeAsync("data-loaded", new Regex("^[1-9]"));
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        var detail = new Uri(page.Url).AbsolutePath;

        foreach (var decision in new[] { "Toekennen", "Verwijzen naar een bestaande laadpaal", "Afwijzen", "Om informatie vragen" })
        {
            await page.Locator("[data-testid=decisions]").GetByRole(AriaRole.Button, new() { Name = decision }).ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            await Assertions.Expect(dialog.GetByRole(AriaRole.Button, new() { Name = "Voorbeeld van de e-mail tonen" })).ToBeVisibleAsync();
            await Accessibility.AssertNoSeriousViolationsAsync(page);
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Annuleren" }).ClickAsync();
            await Assertions.Expect(dialog).ToBeHiddenAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Beslistermijn verlengen (eenmalig, 8 weken)" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Dialog).Locator("[data-testid=new-last-day]")).ToContainTextAsync("De nieuwe laatste dag is");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Annuleren" }).ClickAsync();

        // The old address of a decision page opens the application with that dialog; its preview is checked too.
        await page.GotoAsync($"{detail}/besluit/afwijzen");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"{Regex.Escape(detail)}\\?besluit=afwijzen$"));
        var reject = page.GetByRole(AriaRole.Dialog);
        await reject.Locator("[data-testid=templates] button").First.ClickAsync();
        await reject.GetByRole(AriaRole.Button, new() { Name = "Voorbeeld van de e-mail tonen" }).ClickAsync();
        await Assertions.Expect(reject.Locator("[data-testid=mail-preview]")).ToContainTextAsync("Afgewezen");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TheDecisionDialog_IsUsableWithTheKeyboardAlone()
    {
        var page = await portal.NewPageAsync();
        await Journey.LogInAsync(page, "ambtenaar@demo.example", PortalServer.DemoPassword);
        await page.GotoAsync("/beheer/aanvragen?status=InAssessment");
        await Journey.WaitForCircuitAsync(page);
        await page.Locator("[data-testid=queue] tbody a[data-reference]").First.ClickAsync();
        await Journey.WaitForCircuitAsync(page);

        await page.Locator("[data-testid=decisions]").GetByRole(AriaRole.Button, new() { Name = "Om informatie vragen" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var dialog = page.GetByRole(AriaRole.Dialog);
        var question = dialog.GetByLabel("Uw vraag aan de aanvrager");
        await Assertions.Expect(question).ToBeVisibleAsync();
        // The focus is in the dialog; Tab reaches the question, then the preview button.
        await TabToAsync(page, question);
        await page.Keyboard.TypeAsync("Welk kenteken?");
        var showPreview = dialog.GetByRole(AriaRole.Button, new() { Name = "Voorbeeld van de e-mail tonen" });
        await TabToAsync(page, showPreview);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(dialog.Locator("[data-testid=mail-preview]")).ToContainTextAsync("Welk kenteken?");
        // The pressed button is gone with its step; Escape works once the focus has moved into the new step.
        await page.WaitForFunctionAsync("d => d.contains(document.activeElement)", await dialog.ElementHandleAsync());
        await page.Keyboard.PressAsync("Escape");

        await Assertions.Expect(dialog).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("[data-testid=status]")).ToHaveTextAsync("In behandeling");
        await page.Context.CloseAsync();
    }

    /// <summary>Presses Tab until the element has the focus (at most twenty times), as a keyboard user moves through a dialog.</summary>
    private static async Task TabToAsync(IPage page, ILocator target)
    {
        for (var i = 0; i < 20 && !await target.EvaluateAsync<bool>("e => e === document.activeElement"); i++)
            await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(target).ToBeFocusedAsync();
    }
}
