using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Integration.Ocpi.Client;
using Portal.Integration.Ocpi.Connections;
using Portal.Integration.Ocpi.Pulling;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Ocpi;

/// <summary>A CPO that starts refusing our token (401): the admins get one mail per breakdown and a warning on the OCPI pages.</summary>
public sealed class AlertingAdminsOfFailingConnectionsTests(OcpiPullAppFactory app) : IClassFixture<OcpiPullAppFactory>
{
    private async Task<IReadOnlyList<string>> AlertsAboutAsync(string partyId) =>
        (await app.DeliverMailAsync()).MessagesTo(DemoAccounts.Admin)
            .Where(m => m.Contains($"NL*{partyId}", StringComparison.Ordinal)).ToList();

    private async Task<OcpiConnectionStatus> StatusAsync(Guid connectionId) =>
        await app.QueryAsync(db => db.OcpiConnections.Where(c => c.Id == connectionId).Select(c => c.Status).SingleAsync());

    private async Task<PartnerOutcome> TestConnectionAsync(Guid connectionId)
    {
        using var scope = app.App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<OcpiPartners>().TestAsync(connectionId);
    }

    [Fact]
    public async Task ARefusedToken_MailsTheAdminOnce_AndAgainOnlyAfterTheConnectionRecovered()
    {
        await using var cpo = await FakeCpo.StartAsync(partyId: "AL1");
        var connectionId = await app.ConnectAsync(cpo, "Alarmnet AL1");
        cpo.RefuseAll = true;

        var report = await app.PullAsync(connectionId, OcpiModule.Sessions);

        Assert.Equal(PullOutcome.Failed, report.Outcome);
        Assert.Equal(OcpiConnectionStatus.Failing, await StatusAsync(connectionId));
        var mail = Assert.Single(await AlertsAboutAsync("AL1"));
        Assert.Contains("Alarmnet AL1", mail, StringComparison.Ordinal);
        Assert.Contains("weigert het token", mail, StringComparison.Ordinal);
        Assert.Contains($"X-Request-ID: {report.FailedRequestId}", mail, StringComparison.Ordinal);
        // Other tests' alerts to the same admin may be delivered in the same batch: look in this mail only.
        var link = Regex.Match(mail, @"https?://\S+/admin/ocpi/\S+").Value;
        Assert.Equal($"/admin/ocpi/{connectionId}", new Uri(link).AbsolutePath);

        // Still refused, by a pull and by the connection test: the breakdown was told already.
        Assert.Equal(PullOutcome.Failed, (await app.PullAsync(connectionId, OcpiModule.Locations)).Outcome);
        Assert.False((await TestConnectionAsync(connectionId)).Succeeded);
        Assert.Single(await AlertsAboutAsync("AL1"));

        cpo.RefuseAll = false;
        Assert.True((await TestConnectionAsync(connectionId)).Succeeded);
        Assert.Equal(OcpiConnectionStatus.Connected, await StatusAsync(connectionId));
        Assert.Single(await AlertsAboutAsync("AL1"));   // recovering is not mailed

        cpo.RefuseAll = true;
        var again = await TestConnectionAsync(connectionId);

        Assert.False(again.Succeeded);
        Assert.Equal(OcpiConnectionStatus.Failing, await StatusAsync(connectionId));
        var alerts = await AlertsAboutAsync("AL1");
        Assert.Equal(2, alerts.Count);
        Assert.Contains(alerts, a => a.Contains($"X-Request-ID: {again.RequestId}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OtherErrors_RecordTheErrorButMailNobody()
    {
        await using var cpo = await FakeCpo.StartAsync(partyId: "AL2");
        var connectionId = await app.ConnectAsync(cpo, "Alarmnet AL2");
        cpo.FailFromOffset = 0;

        var report = await app.PullAsync(connectionId, OcpiModule.Sessions);

        Assert.Equal(PullOutcome.Failed, report.Outcome);
        Assert.Equal(OcpiConnectionStatus.Connected, await StatusAsync(connectionId));
        Assert.Empty(await AlertsAboutAsync("AL2"));
    }

    [Fact]
    public async Task AFailingConnection_IsFlaggedOnTheOcpiPages_UntilItWorksAgain()
    {
        await using var cpo = await FakeCpo.StartAsync(partyId: "AL3");
        var connectionId = await app.ConnectAsync(cpo, "Alarmnet AL3");
        using var admin = await app.LogInAsAsync(DemoAccounts.Admin);
        var (_, before) = await admin.GetPageAsync($"/admin/ocpi/{connectionId}");
        Assert.Null(before.QuerySelector("[data-testid=failing]"));

        cpo.RefuseAll = true;
        await app.PullAsync(connectionId, OcpiModule.Sessions);

        var (_, list) = await admin.GetPageAsync("/admin/ocpi");
        var banner = list.QuerySelector("[data-testid=failing-connections]");
        Assert.NotNull(banner);
        Assert.Contains("ons token", banner.TextContent, StringComparison.Ordinal);
        var link = Assert.Single(banner.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/admin/ocpi/{connectionId}");
        Assert.Contains("Alarmnet AL3 (NL*AL3)", link.TextContent, StringComparison.Ordinal);
        var (_, detail) = await admin.GetPageAsync($"/admin/ocpi/{connectionId}");
        var notice = detail.QuerySelector("[data-testid=failing]");
        Assert.NotNull(notice);
        Assert.Contains("Verbinding testen", notice.TextContent, StringComparison.Ordinal);
        Assert.Contains("Tokens vernieuwen", notice.TextContent, StringComparison.Ordinal);

        cpo.RefuseAll = false;
        Assert.True((await TestConnectionAsync(connectionId)).Succeeded);

        var (_, listAfter) = await admin.GetPageAsync("/admin/ocpi");
        Assert.DoesNotContain(listAfter.QuerySelectorAll("[data-testid=failing-connections] a"), a => a.GetAttribute("href") == $"/admin/ocpi/{connectionId}");
        var (_, detailAfter) = await admin.GetPageAsync($"/admin/ocpi/{connectionId}");
        Assert.Null(detailAfter.QuerySelector("[data-testid=failing]"));
    }
}
