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
    public async Task PullNow_RunsInTheRequest_AndShowsTheOutcome()
    {
        await using var cpo = await FakeCpo.StartAsync(partyId: "NSC");
        cpo.Add("locations", OcpiPullAppFactory.Location(cpo, "NSC-1", new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc)));
        var connectionId = await app.ConnectAsync(cpo);
        using var admin = await app.LogInAsAsync(DemoAccounts.Admin);
        var (_, detail) = await admin.GetPageAsync($"/admin/ocpi/{connectionId}");

        var pulled = await admin.SubmitAsync(detail, "pull-now", new Dictionary<string, string> { ["PullForm.Module"] = "Locations", ["PullForm.Mode"] = "Full" });
        var (_, afterPull) = await admin.FollowAsync(pulled);

        Assert.Equal("Ophalen is gelukt.", afterPull.QuerySelector("[data-testid=done]")!.TextContent);
        Assert.Equal("Gelukt", afterPull.QuerySelector("[data-testid=runs] [data-testid=outcome]")!.TextContent);
        Assert.Single(cpo.ListRequests("locations"));
    }
}
