using Microsoft.Playwright;

namespace Portal.EndToEnd.Tests;

/// <summary>What a person does in the browser, step by step.</summary>
internal static class Journey
{
    public static async Task LogInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/account/inloggen");
        await page.GetByLabel("E-mailadres").FillAsync(email);
        await page.GetByLabel("Wachtwoord", new() { Exact = true }).FillAsync(password);
        await page.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
        // Signed in once the page the form leads to is parsed: its menu is there to read. Its images, fonts and
        // other subresources need not have finished (the load event), which tied every journey to them.
        await page.WaitForURLAsync(url => !url.Contains("/account/inloggen", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
    }

    /// <summary>The front office's main menu or the back office's drawer: where the page's menu links are.</summary>
    public const string MenuLinks = "nav.portal-nav a, #backoffice-drawer a.mud-nav-link";

    /// <summary>The links of the main menu, in order.</summary>
    public static async Task<IReadOnlyList<string>> MenuLinksAsync(IPage page) =>
        (await page.Locator(MenuLinks).EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))")).ToList();

    /// <summary>
    /// Waits until an interactive back-office page has its circuit: Blazor started and the page answers events,
    /// and the interactive head, which may follow the body by a moment, has put the page's title back.
    /// </summary>
    public static Task WaitForCircuitAsync(IPage page) =>
        page.WaitForFunctionAsync("() => document.body.classList.contains('portal-circuit-up') && document.title !== ''");
}
