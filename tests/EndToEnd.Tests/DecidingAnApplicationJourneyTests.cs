using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Portal.EndToEnd.Tests;

/// <summary>
/// The demo officer's working day in a real browser: filter the queue, open an application, decide it in the dialog
/// (form, the mail as preview, confirm) and see the queue's counts follow. axe checks each state: the live page, the
/// filtered grid, the dialog at each step.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed partial class DecidingAnApplicationJourneyTests(PortalServer portal)
{
    [Fact]
    public async Task TheDemoOfficer_FiltersTheQueue_OpensAnApplication_RejectsItInTheDialog_AndSeesTheCountsChange()
    {
        var page = await portal.NewPageAsync();
        await Journey.LogInAsync(page, "ambtenaar@demo.example", PortalServer.DemoPassword);

        await page.GotoAsync("/beheer/aanvragen");
        await Journey.WaitForCircuitAsync(page);
        var rows = page.Locator("[data-testid=queue] tbody a[data-reference]");
        await Assertions.Expect(rows).Not.ToHaveCountAsync(0);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        var submittedBefore = await CountAsync(page, "Submitted");
        var rejectedBefore = await CountAsync(page, "Rejected");

        // Filter: only the submitted ones, through the chip with their count; the filter lands in the address.
        await Chip(page, "Submitted").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/beheer/aanvragen\\?status=Submitted$"));
        await Assertions.Expect(page.Locator("[data-testid=queue-total]")).ToHaveTextAsync($"{submittedBefore} aanvragen gevonden");
        await Assertions.Expect(page.Locator("[data-testid=queue] tbody tr")).ToHaveCountAsync(Math.Min(submittedBefore, 25));
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        // Open the first one: the application page, live.
        var reference = await rows.First.GetAttributeAsync("data-reference");
        await rows.First.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync($"Aanvraag {reference}");
        await Journey.WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=status]")).ToHaveTextAsync("Ingediend");
        await Assertions.Expect(page.Locator("[data-testid=findings] li")).Not.ToHaveCountAsync(0);
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        // Step one: the form, started from one of the municipality's reasons and then edited.
        await page.Locator("[data-testid=decisions]").GetByRole(AriaRole.Button, new() { Name = "Afwijzen" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog.Locator("[data-testid=templates] button")).Not.ToHaveCountAsync(0);
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("\\?besluit=afwijzen$"));
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await dialog.Locator("[data-testid=templates] button").First.ClickAsync();
        var text = dialog.GetByLabel("Tekst voor de aanvrager");
        await Assertions.Expect(text).Not.ToHaveValueAsync("");
        await text.PressAsync("End");
        await text.PressSequentiallyAsync(" Zie ook de luchtfoto.");

        // Step two: the mail the resident will get.
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Voorbeeld van de e-mail tonen" }).ClickAsync();
        var preview = dialog.Locator("[data-testid=mail-preview]");
        await Assertions.Expect(preview).ToContainTextAsync("Afgewezen");
        await Assertions.Expect(preview).ToContainTextAsync("Zie ook de luchtfoto.");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        // Step three: confirm.
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Afwijzen en aanvrager mailen" }).ClickAsync();
        await Assertions.Expect(dialog).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("Het besluit is vastgelegd en de aanvrager heeft bericht gekregen.");
        await Assertions.Expect(page.Locator("[data-testid=status]")).ToHaveTextAsync("Afgewezen");
        await Assertions.Expect(page.Locator("[data-testid=decision-text]")).ToContainTextAsync("Zie ook de luchtfoto.");

        // Back to the queue through the trail: one submitted fewer, one rejected more.
        await page.Locator("nav[aria-label] a", new() { HasText = "Aanvragen" }).First.ClickAsync();
        await Journey.WaitForCircuitAsync(page);
        await Assertions.Expect(Chip(page, "Submitted")).ToHaveTextAsync($"Ingediend: {submittedBefore - 1}");
        await Assertions.Expect(Chip(page, "Rejected")).ToHaveTextAsync($"Afgewezen: {rejectedBefore + 1}");
        await page.Context.CloseAsync();
    }

    private static ILocator Chip(IPage page, string status) => page.Locator($"[data-testid=status-counts] [data-status={status}]");

    private static async Task<int> CountAsync(IPage page, string status)
    {
        await Assertions.Expect(Chip(page, status)).ToHaveTextAsync(Count());
        var text = await Chip(page, status).TextContentAsync() ?? "";
        return int.Parse(Count().Match(text).Groups[1].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@":\s*(\d+)\s*$")]
    private static partial Regex Count();
}
