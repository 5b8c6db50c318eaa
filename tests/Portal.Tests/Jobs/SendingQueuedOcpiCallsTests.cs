using Microsoft.EntityFrameworkCore;
using Portal.Integration.Ocpi.ChargingProfiles;
using Portal.Tests.Infrastructure;
using Portal.Tests.Ocpi;

namespace Portal.Tests.Jobs;

/// <summary>The charging-profile portal with its scheduler running, delivering queued calls every second.</summary>
public sealed class ChargingProfilesWithSchedulerAppFactory : ChargingProfilesAppFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?>(base.Settings) { ["Jobs:Enabled"] = "true", ["Jobs:OcpiCallsSeconds"] = "1" };
}

/// <summary>
/// An administrator's charging profile is queued by the page and made by the SendQueuedOcpiCallsJob, outside
/// the web request: the page answers at once with "queued", and the job's call and the CPO's answer follow.
/// </summary>
public sealed class SendingQueuedOcpiCallsTests(ChargingProfilesWithSchedulerAppFactory app) : IClassFixture<ChargingProfilesWithSchedulerAppFactory>
{
    [Fact]
    public async Task AProfileQueuedFromTheConnectionPage_IsSentByTheJob_AndAnswered()
    {
        var (cpo, connectionId) = await app.ConnectedCpoWithSessionAsync("CPJ", "S-CPJ");
        await using var _ = cpo;
        cpo.ProfileAnswer = FakeCpo.ProfileMode.AcceptSilently;
        using var admin = await app.LogInAsAsync(DemoAccounts.Admin);
        var (_, page) = await admin.GetPageAsync($"/admin/ocpi/{connectionId}");

        var posted = await admin.SubmitAsync(page, "charging-profile", new Dictionary<string, string>
        {
            ["Profile.SessionId"] = "S-CPJ", ["Profile.Limit"] = "11", ["Profile.Unit"] = "kW", ["Profile.Action"] = "set",
        });
        var (_, queued) = await admin.FollowAsync(posted);

        Assert.StartsWith("Het verzoek staat in de wachtrij", queued.QuerySelector("[data-testid=profile-done]")!.TextContent, StringComparison.Ordinal);
        var request = await AnsweredAsync(connectionId);
        Assert.Equal(("ACCEPTED", 1, 11000m), (request.SyncResult, request.Attempts, request.Limit));
        Assert.Equal(("PUT", "S-CPJ"), (Assert.Single(cpo.ProfileRequests).Method, cpo.ProfileRequests.Single().SessionId));

        var (_, later) = await admin.GetPageAsync($"/admin/ocpi/{connectionId}");
        Assert.Equal("Beantwoord, wacht op uitkomst", later.QuerySelector("[data-testid=profile-requests] [data-testid=profile-state]")!.TextContent);
    }

    /// <summary>The job runs on the scheduler's own thread: wait (at most 30 s) until it has recorded the CPO's answer.</summary>
    private async Task<ChargingProfileRequest> AnsweredAsync(Guid connectionId)
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            var request = await app.QueryAsync(db => db.ChargingProfileRequests.AsNoTracking().SingleAsync(r => r.ConnectionId == connectionId));
            if (request.State != ChargingProfileRequestState.Queued && request.State != ChargingProfileRequestState.Sending)
                return request;
            await Task.Delay(100);
        }
        throw new TimeoutException("The queued charging profile was not sent.");
    }
}
