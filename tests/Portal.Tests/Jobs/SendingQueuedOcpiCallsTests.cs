using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Features.Admin;
using Portal.Integration.Ocpi.ChargingProfiles;
using Portal.Tests.Admin;
using Portal.Tests.Infrastructure;
using Portal.Tests.Ocpi;

namespace Portal.Tests.Jobs;

/// <summary>The charging-profile portal with its scheduler running, delivering queued calls every second, and telling the tests when a job ran.</summary>
public sealed class ChargingProfilesWithSchedulerAppFactory : ChargingProfilesAppFactory
{
    public JobsDone Jobs { get; } = new();

    protected override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?>(base.Settings) { ["Jobs:Enabled"] = "true", ["Jobs:OcpiCallsSeconds"] = "1" };

    protected override void ConfigureTestServices(IServiceCollection services)
    {
        base.ConfigureTestServices(services);
        TestJobFilters.Add(services, Jobs);
    }
}

/// <summary>
/// An administrator's charging profile is queued by the page and made by the SendQueuedOcpiCallsJob, outside
/// the circuit's call: the page answers at once with "queued", and the job's call and the CPO's answer follow.
/// </summary>
public sealed class SendingQueuedOcpiCallsTests(ChargingProfilesWithSchedulerAppFactory app) : IClassFixture<ChargingProfilesWithSchedulerAppFactory>
{
    [Fact]
    public async Task AProfileQueuedFromTheConnectionPage_IsSentByTheJob_AndAnswered()
    {
        var (cpo, connectionId) = await app.ConnectedCpoWithSessionAsync("CPJ", "S-CPJ");
        await using var _ = cpo;
        cpo.ProfileAnswer = FakeCpo.ProfileMode.AcceptSilently;
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Admin);
        context.RenderProviders();
        var page = context.Render<OcpiConnectionPage>(p => p.Add(x => x.Id, connectionId));
        page.WaitForElement("#profile-limit", AdminSteps.Wait);

        await page.TypeAsync("#profile-limit", "11");
        await page.PressAsync("Profiel sturen");

        Assert.Contains(context.Snackbar.ShownSnackbars, s => s.Message != null && s.Message.StartsWith("Het verzoek staat in de wachtrij", StringComparison.Ordinal));
        // The job the page started delivers it outside the page's call: checked again after each job that ran.
        await app.Jobs.UntilAsync(async () => (await RequestAsync(connectionId)).State is not (ChargingProfileRequestState.Queued or ChargingProfileRequestState.Sending), AdminSteps.Wait);
        var request = await RequestAsync(connectionId);
        Assert.Equal((ChargingProfileRequestState.Answered, "ACCEPTED", 1, 11000m), (request.State, request.SyncResult, request.Attempts, request.Limit));
        Assert.Equal(("PUT", "S-CPJ"), (Assert.Single(cpo.ProfileRequests).Method, cpo.ProfileRequests.Single().SessionId));

        await page.PressAsync("Opnieuw laden");
        page.WaitForAssertion(() => Assert.Equal("Beantwoord, wacht op uitkomst", page.Find("[data-testid=profile-requests] [data-testid=profile-state]").TextContent.Trim()), AdminSteps.Wait);
    }

    private Task<ChargingProfileRequest> RequestAsync(Guid connectionId) =>
        app.QueryAsync(db => db.ChargingProfileRequests.AsNoTracking().SingleAsync(r => r.ConnectionId == connectionId));
}
