using Bunit;
using Portal.Features.Demo;
using Portal.Features.SmartCharging;
using Portal.Tests.Admin;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.SmartCharging;

/// <summary>The officer's page: the demo's run listed, and a start only after the confirmation, whose refusal is shown.</summary>
public sealed class SmartChargingPageTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task StartingATest_AsksFirst_AndShowsWhyItCannotStart_WhenTheCpoHasNoLiveConnection()
    {
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Officer);
        var dialogs = context.RenderProviders();
        var page = context.Render<SmartChargingPage>();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=smart-charging-runs] tbody tr")), Wait);
        Assert.Contains(DemoContract.Reference, page.Find("[data-testid=smart-charging-runs]").TextContent, StringComparison.Ordinal);
        Assert.Equal("Voldoet niet", page.Find("[data-testid=run-verdict]").TextContent.Trim());

        page.PressAndWaitForDialog("Test starten", dialogs);
        Assert.Empty(page.FindAll("[data-testid=start-problem]"));
        await dialogs.ConfirmAsync($"onder contract {DemoContract.Reference} kort tot 4 kW");

        // The demo operator's usage history sits on a revoked connection: nothing to send a profile on.
        page.WaitForAssertion(() => Assert.Equal("Er is geen lopende laadsessie op een laadpunt onder dit contract om te testen.",
            page.Find("[data-testid=start-problem]").TextContent.Trim()), Wait);
        Assert.Single(page.FindAll("[data-testid=smart-charging-runs] tbody tr"));
    }
}
