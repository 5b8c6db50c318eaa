using Bunit;
using Portal.Features.Admin;
using Portal.Integration.Ocpi.Pulling;
using Portal.Tests.Admin;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Ocpi;

/// <summary>A node that runs no scheduler (Jobs:Enabled=false).</summary>
public sealed class NoSchedulerApp : OcpiPullAppFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Jobs:Enabled"] = "false",
    };
}

public sealed class PullingNowWithoutTheSchedulerTests(NoSchedulerApp app) : IClassFixture<NoSchedulerApp>
{
    [Fact]
    public async Task PullNow_RunsWhileThePageWaits_AndShowsTheOutcome()
    {
        await using var cpo = await FakeCpo.StartAsync(partyId: "NSC");
        cpo.Add("locations", OcpiPullAppFactory.Location(cpo, "NSC-1", new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc)));
        var connectionId = await app.ConnectAsync(cpo);
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Admin);
        context.RenderProviders();
        var page = context.Render<OcpiConnectionPage>(p => p.Add(x => x.Id, connectionId));
        page.WaitForElement("[data-testid=status]", AdminSteps.Wait);

        await page.ChooseAsync("pull-mode", PullMode.Full);
        await page.PressAsync("Nu ophalen");

        Assert.Contains(context.Snackbar.ShownSnackbars, s => s.Message == "Ophalen is gelukt.");
        page.WaitForAssertion(() => Assert.Equal("Gelukt", page.Find("[data-testid=runs] [data-testid=outcome]").TextContent.Trim()), AdminSteps.Wait);
        Assert.Single(cpo.ListRequests("locations"));
    }
}
