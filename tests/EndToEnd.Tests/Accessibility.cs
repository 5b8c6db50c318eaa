using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Portal.EndToEnd.Tests;

internal static class Accessibility
{
    /// <summary>A page with script switched off never answers axe: this says so instead of waiting for ever.</summary>
    private static readonly TimeSpan AxeTimeout = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Runs axe on the page and fails on every serious or critical violation, naming the rule and the elements.
    /// The page must run script (axe is a script); check a no-script page with <see cref="AssertNoSeriousViolationsWithScriptAsync"/>.
    /// </summary>
    public static async Task AssertNoSeriousViolationsAsync(IPage page)
    {
        AxeResult result;
        try
        {
            await TransitionsEndedAsync(page).WaitAsync(AxeTimeout);
            result = await page.RunAxe().WaitAsync(AxeTimeout);
        }
        catch (TimeoutException)
        {
            throw new InvalidOperationException($"axe did not answer on {page.Url} within {AxeTimeout.TotalSeconds} s; a page without script cannot run it.");
        }
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"{page.Url}:\n" + string.Join("\n", serious.Select(Describe)));
    }

    /// <summary>
    /// Waits until the page's finite CSS transitions and animations (a popover fading in, a chip changing colour after a
    /// click) have finished, so axe judges the colours the reader ends up seeing, not a frame halfway. Endless ones (a
    /// progress indicator) are left alone.
    /// </summary>
    private static Task TransitionsEndedAsync(IPage page) =>
        page.EvaluateAsync(@"() => Promise.all(document.getAnimations()
            .filter(a => a.effect && a.effect.getComputedTiming().endTime !== Infinity)
            .map(a => a.finished.catch(() => null)))");

    /// <summary>Opens the no-script page's address in a page with script and the same size, and runs axe there.</summary>
    public static async Task AssertNoSeriousViolationsWithScriptAsync(IPage noScript, PortalServer portal)
    {
        var page = await portal.NewPageAsync();
        if (noScript.ViewportSize is { } size)
            await page.SetViewportSizeAsync(size.Width, size.Height);
        await page.GotoAsync(noScript.Url);
        await AssertNoSeriousViolationsAsync(page);
        await page.Context.CloseAsync();
    }

    private static string Describe(AxeResultItem violation) =>
        $"- {violation.Id} ({violation.Impact}): {violation.Help} at {string.Join(", ", violation.Nodes.Select(n => n.Target?.ToString()))}";
}
