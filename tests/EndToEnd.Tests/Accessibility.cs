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
            result = await page.RunAxe().WaitAsync(AxeTimeout);
        }
        catch (TimeoutException)
        {
            throw new InvalidOperationException($"axe did not answer on {page.Url} within {AxeTimeout.TotalSeconds} s; a page without script cannot run it.");
        }
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"{page.Url}:\n" + string.Join("\n", serious.Select(Describe)));
    }

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
