using System.Net;
using System.Text.Json.Nodes;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Features.Admin;
using Portal.Integration.Ocpi.ChargingProfiles;
using Portal.Integration.Ocpi.Client;
using Portal.Integration.Ocpi.Connections;
using Portal.Tests.Admin;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Ocpi;

/// <summary>
/// The portal as ChargingProfiles Sender against a fake CPO over HTTP: the immediate answer, the result
/// the CPO posts back to the portal's response_url, the delay between them, and a callback that never comes.
/// </summary>
public sealed class SendingChargingProfilesTests(ChargingProfilesAppFactory app) : IClassFixture<ChargingProfilesAppFactory>
{
    [Fact]
    public async Task AnAcceptedProfile_IsAnswered_ThenItsResultArrivesOnTheResponseUrl_WithTheDelay()
    {
        var (cpo, connectionId) = await app.ConnectedCpoWithSessionAsync("CP1", "S-CP1");
        await using var _ = cpo;
        cpo.CallbackDelay = TimeSpan.FromMilliseconds(20);
        cpo.OnCallbackDelay = _ => app.Clock.Advance(TimeSpan.FromSeconds(3));

        var sent = await app.SendAsync(connectionId, "S-CP1", limit: 6000, unit: "W");

        Assert.Equal(ChargingProfileRequestState.Answered, sent.State);
        Assert.Equal("ACCEPTED", sent.SyncResult);
        Assert.Equal(30, sent.TimeoutSeconds);
        Assert.Equal(200, sent.HttpStatus);
        Assert.Equal(1000, sent.OcpiStatus);
        Assert.Equal(("LOC1", "LOC1-E1"), (sent.LocationId, sent.EvseUid));
        var (method, sessionId, _, body) = Assert.Single(cpo.ProfileRequests);
        Assert.Equal(("PUT", "S-CP1"), (method, sessionId));
        Assert.Equal($"http://localhost/ocpi/2.2.1/chargingprofiles/results/{sent.Id}", body!["response_url"]!.GetValue<string>());
        Assert.Equal("W", body["charging_profile"]!["charging_rate_unit"]!.GetValue<string>());
        Assert.Equal(6000m, body["charging_profile"]!["charging_profile_period"]![0]!["limit"]!.GetValue<decimal>());

        cpo.ReleaseCallbacks();
        var callback = Assert.Single(await cpo.CallbacksAsync());

        Assert.Equal((200, 1000), (callback.HttpStatus, callback.OcpiStatus));
        Assert.Null(callback.Body!["data"]);
        var recorded = await app.RequestAsync(sent.Id);
        Assert.Equal(ChargingProfileRequestState.ResultReceived, recorded.State);
        Assert.Equal("ACCEPTED", recorded.AsyncResult);
        Assert.Equal("ACCEPTED", JsonNode.Parse(recorded.ResultJson!)!["result"]!.GetValue<string>());
        Assert.True(recorded.DelayMilliseconds >= 3000, $"delay {recorded.DelayMilliseconds} ms");
    }

    [Fact]
    public async Task AnAcceptedProfileWithoutCallback_BecomesNoResult_OnlyOnceItsTimeoutHasPassed()
    {
        var (cpo, connectionId) = await app.ConnectedCpoWithSessionAsync("CP2", "S-CP2");
        await using var _ = cpo;
        cpo.ProfileAnswer = FakeCpo.ProfileMode.AcceptSilently;
        cpo.ProfileTimeout = 30;

        var sent = await app.SendAsync(connectionId, "S-CP2");
        app.Clock.Advance(TimeSpan.FromSeconds(29));
        await app.ExpireAsync();

        Assert.Equal(ChargingProfileRequestState.Answered, (await app.RequestAsync(sent.Id)).State);

        app.Clock.Advance(TimeSpan.FromSeconds(2));
        await app.ExpireAsync();

        var expired = await app.RequestAsync(sent.Id);
        Assert.Equal(ChargingProfileRequestState.NoResult, expired.State);
        Assert.Null(expired.AsyncResult);

        // A result after the timeout is kept, but it did not come in time.
        var late = await cpo.PostResultAsync(ChargingProfileSender.ResponseUrl(ChargingProfilesAppFactory.PortalBaseUrl, sent.Id), new JsonObject { ["result"] = "ACCEPTED" });
        Assert.Equal((200, 1000), (late.HttpStatus, late.OcpiStatus));
        var afterLate = await app.RequestAsync(sent.Id);
        Assert.Equal(ChargingProfileRequestState.NoResult, afterLate.State);
        Assert.Equal("ACCEPTED", afterLate.AsyncResult);
        Assert.True(afterLate.DelayMilliseconds >= 31_000);
    }

    [Theory]
    [InlineData("REJECTED")]
    [InlineData("UNKNOWN_SESSION")]
    public async Task ARefusedProfile_IsRecordedAsAnswered_AndNeverExpires(string expected)
    {
        var party = expected == "REJECTED" ? "CP3" : "CP4";
        var (cpo, connectionId) = await app.ConnectedCpoWithSessionAsync(party, $"S-{party}");
        await using var _ = cpo;
        cpo.ProfileAnswer = expected == "REJECTED" ? FakeCpo.ProfileMode.Reject : FakeCpo.ProfileMode.UnknownSession;

        var sent = await app.SendAsync(connectionId, $"S-{party}", limit: 16, unit: "A");
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        await app.ExpireAsync();

        var recorded = await app.RequestAsync(sent.Id);
        Assert.Equal(ChargingProfileRequestState.Answered, recorded.State);
        Assert.Equal(expected, recorded.SyncResult);
        Assert.Equal((16m, "A"), (recorded.Limit, recorded.Unit));
        Assert.Null(recorded.AsyncResult);
    }

    [Fact]
    public async Task AServerErrorAtTheCpo_IsRetriedAfter30s_1_2_And4Minutes_ThenFailsWithTheRequestId()
    {
        var (cpo, connectionId) = await app.ConnectedCpoWithSessionAsync("CP5", "S-CP5");
        await using var _ = cpo;
        cpo.ProfileAnswer = FakeCpo.ProfileMode.ServerError;
        var queuedAt = app.Clock.GetUtcNow().UtcDateTime;

        var sent = await app.SendAsync(connectionId, "S-CP5");

        Assert.Equal(ChargingProfileRequestState.Queued, sent.State);
        Assert.Equal(1, sent.Attempts);
        Assert.Equal(queuedAt.AddSeconds(30), sent.NextAttemptAtUtc);
        Assert.Equal((500, 3000), (sent.HttpStatus, sent.OcpiStatus));
        Assert.Contains("smart charging is down", sent.Error, StringComparison.Ordinal);
        Assert.Contains(cpo.Requests, r => r.Method == "PUT" && r.RequestId == sent.CallRequestId);

        // Not due a second early; then due after each wait, which doubles: 30 s, 60 s, 120 s, 240 s.
        app.Clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(new ChargingProfileDeliveryReport(0, 0, 0), await app.DeliverDueAsync());
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(new ChargingProfileDeliveryReport(0, 1, 0), await app.DeliverDueAsync());
        Assert.Equal((2, queuedAt.AddSeconds(30 + 60)), await AttemptsAsync(sent.Id));
        app.Clock.Advance(TimeSpan.FromSeconds(60));
        Assert.Equal(new ChargingProfileDeliveryReport(0, 1, 0), await app.DeliverDueAsync());
        Assert.Equal((3, queuedAt.AddSeconds(90 + 120)), await AttemptsAsync(sent.Id));
        app.Clock.Advance(TimeSpan.FromSeconds(120));
        Assert.Equal(new ChargingProfileDeliveryReport(0, 1, 0), await app.DeliverDueAsync());
        Assert.Equal((4, queuedAt.AddSeconds(210 + 240)), await AttemptsAsync(sent.Id));
        app.Clock.Advance(TimeSpan.FromSeconds(240));
        Assert.Equal(new ChargingProfileDeliveryReport(0, 0, 1), await app.DeliverDueAsync());

        var recorded = await app.RequestAsync(sent.Id);
        Assert.Equal(ChargingProfileRequestState.Failed, recorded.State);
        Assert.Equal(ChargingProfileRequest.MaxAttempts, recorded.Attempts);
        Assert.Equal(500, recorded.HttpStatus);
        Assert.Contains("gave up after 5 attempts", recorded.Error, StringComparison.Ordinal);
        Assert.Contains(cpo.Requests, r => r.Method == "PUT" && r.RequestId == recorded.CallRequestId);
        Assert.Null(recorded.SyncResult);
        app.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(new ChargingProfileDeliveryReport(0, 0, 0), await app.DeliverDueAsync());
    }

    [Fact]
    public async Task ACpoThatRecovers_AnswersTheQueuedProfileOnTheNextAttempt_WithTheSameResponseUrl()
    {
        var (cpo, connectionId) = await app.ConnectedCpoWithSessionAsync("CPB", "S-CPB");
        await using var _ = cpo;
        cpo.ProfileAnswer = FakeCpo.ProfileMode.ServerError;
        var sent = await app.SendAsync(connectionId, "S-CPB");
        Assert.Equal(ChargingProfileRequestState.Queued, sent.State);

        cpo.ProfileAnswer = FakeCpo.ProfileMode.AcceptAndCallBack;
        app.Clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(new ChargingProfileDeliveryReport(1, 0, 0), await app.DeliverDueAsync());
        cpo.ReleaseCallbacks();
        await cpo.CallbacksAsync();

        var recorded = await app.RequestAsync(sent.Id);
        Assert.Equal(ChargingProfileRequestState.ResultReceived, recorded.State);
        Assert.Equal(2, recorded.Attempts);
        Assert.Equal(("ACCEPTED", "ACCEPTED"), (recorded.SyncResult, recorded.AsyncResult));
        Assert.Null(recorded.Error);
        var responseUrls = cpo.ProfileRequests.Select(r => r.Body!["response_url"]!.GetValue<string>()).Distinct();
        Assert.Equal(ChargingProfileSender.ResponseUrl(ChargingProfilesAppFactory.PortalBaseUrl, sent.Id), Assert.Single(responseUrls));
    }

    [Fact]
    public async Task ACpoThatRefusesOurToken_FailsTheRequestAtOnce_AndMarksTheConnectionFailing()
    {
        var (cpo, connectionId) = await app.ConnectedCpoWithSessionAsync("CPE", "S-CPE");
        await using var _ = cpo;
        cpo.RefuseAll = true;

        var sent = await app.SendAsync(connectionId, "S-CPE");

        Assert.Equal((ChargingProfileRequestState.Failed, 1, 401), (sent.State, sent.Attempts, sent.HttpStatus));
        var connection = await app.QueryAsync(db => db.OcpiConnections.SingleAsync(c => c.Id == connectionId));
        Assert.Equal(OcpiConnectionStatus.Failing, connection.Status);
        Assert.Equal(sent.CallRequestId, connection.LastErrorRequestId);
        app.Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(new ChargingProfileDeliveryReport(0, 0, 0), await app.DeliverDueAsync());
    }

    [Fact]
    public async Task TwoNodesDeliveringTheSameQueuedRequest_CallTheCpoOnce()
    {
        var (cpo, connectionId) = await app.ConnectedCpoWithSessionAsync("CPC", "S-CPC");
        await using var _ = cpo;
        cpo.ProfileAnswer = FakeCpo.ProfileMode.AcceptSilently;
        var queued = await app.QueueAsync(connectionId, "S-CPC");

        var deliveries = await Task.WhenAll(app.DeliverAsync(queued.Id), app.DeliverAsync(queued.Id));

        Assert.Single(deliveries, d => d is not null);
        Assert.Single(cpo.ProfileRequests);
        var recorded = await app.RequestAsync(queued.Id);
        Assert.Equal((ChargingProfileRequestState.Answered, 1), (recorded.State, recorded.Attempts));
    }

    private async Task<(int Attempts, DateTime NextAttemptAtUtc)> AttemptsAsync(Guid id)
    {
        var request = await app.RequestAsync(id);
        Assert.Equal(ChargingProfileRequestState.Queued, request.State);
        return (request.Attempts, request.NextAttemptAtUtc);
    }

    [Fact]
    public async Task ACpoWithoutAChargingProfilesEndpoint_GetsNoCall_AndTheRequestSaysWhy()
    {
        var (cpo, connectionId) = await app.ConnectedCpoWithSessionAsync("CP6", "S-CP6");
        await using var _ = cpo;
        cpo.OffersChargingProfiles = false;
        using (var scope = app.App.Services.CreateScope())
            Assert.True((await scope.ServiceProvider.GetRequiredService<OcpiPartners>().TestAsync(connectionId)).Succeeded);

        var sent = await app.SendAsync(connectionId, "S-CP6");

        Assert.Equal((ChargingProfileRequestState.Failed, 1), (sent.State, sent.Attempts));
        Assert.Contains("no chargingprofiles RECEIVER endpoint", sent.Error, StringComparison.Ordinal);
        Assert.Empty(cpo.ProfileRequests);
    }

    [Fact]
    public async Task OnlyTheConnectionTheRequestWentTo_MayPostItsResult_AndOnlyTheFirstResultCounts()
    {
        var (cpo, connectionId) = await app.ConnectedCpoWithSessionAsync("CP7", "S-CP7");
        var (other, _) = await app.ConnectedCpoWithSessionAsync("CP8", "S-CP8");
        await using var _1 = cpo;
        await using var _2 = other;
        cpo.ProfileAnswer = FakeCpo.ProfileMode.AcceptSilently;
        var sent = await app.SendAsync(connectionId, "S-CP7");
        var responseUrl = ChargingProfileSender.ResponseUrl(ChargingProfilesAppFactory.PortalBaseUrl, sent.Id);

        var foreign = await other.PostResultAsync(responseUrl, new JsonObject { ["result"] = "REJECTED" });
        var unknown = await cpo.PostResultAsync(ChargingProfileSender.ResponseUrl(ChargingProfilesAppFactory.PortalBaseUrl, Guid.NewGuid()), new JsonObject { ["result"] = "ACCEPTED" });
        var invalid = await cpo.PostResultAsync(responseUrl, new JsonObject { ["result"] = "FINE" });
        var first = await cpo.PostResultAsync(responseUrl, new JsonObject { ["result"] = "ACCEPTED" });
        var second = await cpo.PostResultAsync(responseUrl, new JsonObject { ["result"] = "REJECTED" });

        Assert.Equal((404, 2001), (foreign.HttpStatus, foreign.OcpiStatus));
        Assert.Equal((404, 2001), (unknown.HttpStatus, unknown.OcpiStatus));
        Assert.Equal((200, 2001), (invalid.HttpStatus, invalid.OcpiStatus));
        Assert.Equal((200, 1000), (first.HttpStatus, first.OcpiStatus));
        Assert.Equal((200, 1000), (second.HttpStatus, second.OcpiStatus));
        var recorded = await app.RequestAsync(sent.Id);
        Assert.Equal(ChargingProfileRequestState.ResultReceived, recorded.State);
        Assert.Equal("ACCEPTED", recorded.AsyncResult);

        using var anonymous = app.App.CreateClient();
        var noToken = await anonymous.PostAsync(responseUrl, new StringContent("{\"result\":\"ACCEPTED\"}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Unauthorized, noToken.StatusCode);
    }

    [Fact]
    public async Task TheActiveProfile_ComesBackOnTheCallback_AndIsStored()
    {
        var (cpo, connectionId) = await app.ConnectedCpoWithSessionAsync("CP9", "S-CP9");
        await using var _ = cpo;
        cpo.OnCallbackDelay = _ => app.Clock.Advance(TimeSpan.FromSeconds(1));

        var sent = await app.GetActiveAsync(connectionId, "S-CP9");
        cpo.ReleaseCallbacks();
        await cpo.CallbacksAsync();

        var (method, _, query, _) = Assert.Single(cpo.ProfileRequests);
        Assert.Equal("GET", method);
        Assert.Contains("duration=900", query, StringComparison.Ordinal);
        Assert.Contains(Uri.EscapeDataString(ChargingProfileSender.ResponseUrl(ChargingProfilesAppFactory.PortalBaseUrl, sent.Id)), query, StringComparison.Ordinal);
        var recorded = await app.RequestAsync(sent.Id);
        Assert.Equal(ChargingProfileRequestKind.GetActive, recorded.Kind);
        Assert.Equal(ChargingProfileRequestState.ResultReceived, recorded.State);
        Assert.Equal(11000m, JsonNode.Parse(recorded.ResultJson!)!["profile"]!["charging_profile"]!["charging_profile_period"]![0]!["limit"]!.GetValue<decimal>());
        Assert.True(recorded.DelayMilliseconds >= 1000);
    }

    [Fact]
    public async Task ClearingTheProfile_IsADeleteWithTheResponseUrlInTheQuery_AndItsResultIsStored()
    {
        var (cpo, connectionId) = await app.ConnectedCpoWithSessionAsync("CPD", "S-CPD");
        await using var _ = cpo;

        var cleared = await app.ClearAsync(connectionId, "S-CPD");
        cpo.ReleaseCallbacks();
        await cpo.CallbacksAsync();

        var (method, sessionId, query, body) = Assert.Single(cpo.ProfileRequests);
        Assert.Equal(("DELETE", "S-CPD", (JsonNode?)null), (method, sessionId, body));
        Assert.Equal("?response_url=" + Uri.EscapeDataString(ChargingProfileSender.ResponseUrl(ChargingProfilesAppFactory.PortalBaseUrl, cleared.Id)), query);
        var recorded = await app.RequestAsync(cleared.Id);
        Assert.Equal(ChargingProfileRequestKind.Clear, recorded.Kind);
        Assert.Equal(ChargingProfileRequestState.ResultReceived, recorded.State);
        Assert.Equal(("ACCEPTED", "ACCEPTED"), (recorded.SyncResult, recorded.AsyncResult));
        Assert.Null(recorded.Limit);
    }

    [Fact]
    public async Task TheAdminSendsATestProfileFromTheConnectionPage_AndSeesTheOutcome()
    {
        var (cpo, connectionId) = await app.ConnectedCpoWithSessionAsync("CPA", "S-CPA");
        await using var _ = cpo;
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Admin);
        context.RenderProviders();
        var page = context.Render<OcpiConnectionPage>(p => p.Add(x => x.Id, connectionId));
        page.WaitForElement("[data-testid=active-sessions]", AdminSteps.Wait);

        Assert.Contains("S-CPA", page.Find("[data-testid=active-sessions]").TextContent, StringComparison.Ordinal);
        // The field reads the number in the circuit's culture (nl: "7,4"); here the value goes in as the field holds it.
        await page.InvokeAsync(() => page.FindComponent<MudBlazor.MudNumericField<decimal>>().Instance.ValueChanged.InvokeAsync(7.4m));
        await page.PressAsync("Profiel sturen");

        Assert.Contains(context.Snackbar.ShownSnackbars, s => s.Message == "De CPO heeft het verzoek beantwoord.");
        page.WaitForAssertion(() => Assert.Equal("Beantwoord, wacht op uitkomst", page.Find("[data-testid=profile-requests] [data-testid=profile-state]").TextContent.Trim()), AdminSteps.Wait);
        var (method, sessionId, _, body) = Assert.Single(cpo.ProfileRequests);
        Assert.Equal(("PUT", "S-CPA"), (method, sessionId));
        Assert.Equal(7400m, body!["charging_profile"]!["charging_profile_period"]![0]!["limit"]!.GetValue<decimal>());
        Assert.Equal(DemoAccounts.Admin, (await app.QueryAsync(db => db.ChargingProfileRequests.SingleAsync(r => r.ConnectionId == connectionId))).RequestedBy);

        cpo.ReleaseCallbacks();
        await cpo.CallbacksAsync();
        await page.PressAsync("Opnieuw laden");

        page.WaitForAssertion(() => Assert.Equal("Uitkomst ontvangen", page.Find("[data-testid=profile-requests] [data-testid=profile-state]").TextContent.Trim()), AdminSteps.Wait);
        Assert.Equal("ACCEPTED", page.Find("[data-testid=profile-requests] [data-testid=profile-async]").TextContent.Trim());
    }

    [Fact]
    public async Task AProfileForASessionThatIsNotActiveOnTheConnection_IsNotSent()
    {
        var (cpo, connectionId) = await app.ConnectedCpoWithSessionAsync("CPG", "S-CPG");
        await using var _ = cpo;
        await using var scope = app.App.Services.CreateAsyncScope();
        var admin = scope.ServiceProvider.GetRequiredService<OcpiAdministration>();

        var foreign = await admin.SendProfileAsync(connectionId, new ProfileCommand("S-OTHER", ProfileAction.Set), DemoAccounts.Admin);
        var sent = await admin.SendProfileAsync(connectionId, new ProfileCommand("S-CPG", ProfileAction.Clear), DemoAccounts.Admin);

        Assert.Null(foreign);
        Assert.Equal(ChargingProfileRequestKind.Clear, sent!.Kind);
        Assert.Equal(["S-CPG"], await app.QueryAsync(db => db.ChargingProfileRequests.Where(r => r.ConnectionId == connectionId).Select(r => r.SessionId).ToListAsync()));
        Assert.Equal(["DELETE"], cpo.ProfileRequests.Select(r => r.Method));
    }

    [Fact]
    public async Task AskingForTheActiveProfile_AndClearingIt_GoFromTheSameForm_InAmpereToo()
    {
        var (cpo, connectionId) = await app.ConnectedCpoWithSessionAsync("CPF", "S-CPF");
        await using var _ = cpo;
        cpo.ProfileAnswer = FakeCpo.ProfileMode.AcceptSilently;
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Admin);
        context.RenderProviders();
        var page = context.Render<OcpiConnectionPage>(p => p.Add(x => x.Id, connectionId));
        page.WaitForElement("#profile-limit", AdminSteps.Wait);

        await page.TypeAsync("#profile-limit", "16");
        await page.ChooseAsync("profile-unit", ProfileUnit.Ampere);
        await page.PressAsync("Profiel sturen");
        await page.PressAsync("Actief profiel opvragen");
        await page.PressAsync("Profiel wissen");

        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-testid=profile-requests] tbody tr").Count), AdminSteps.Wait);
        Assert.Equal(["PUT", "GET", "DELETE"], cpo.ProfileRequests.Select(r => r.Method));
        Assert.Equal(16m, cpo.ProfileRequests.First().Body!["charging_profile"]!["charging_profile_period"]![0]!["limit"]!.GetValue<decimal>());
        Assert.Equal("A", cpo.ProfileRequests.First().Body!["charging_profile"]!["charging_rate_unit"]!.GetValue<string>());
        Assert.Contains("duration=3600", cpo.ProfileRequests.ElementAt(1).Query, StringComparison.Ordinal);
    }
}

/// <summary>The charging-profile portal with the one-second attempt timeout of the fault tests.</summary>
public sealed class ChargingProfilesWithShortAttemptsAppFactory : ChargingProfilesAppFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?>(base.Settings) { ["Ocpi:Client:AttemptTimeout"] = "00:00:01" };
}

/// <summary>
/// Why a profile can reach the CPO twice: an attempt that takes longer than the attempt timeout is given up
/// and made again by the connection's pipeline, after the CPO may already have received it. A PUT of the same
/// profile with the same response_url is harmless to the CPO, and the request is answered once.
/// </summary>
public sealed class RetryingASlowProfileCallTests(ChargingProfilesWithShortAttemptsAppFactory app) : IClassFixture<ChargingProfilesWithShortAttemptsAppFactory>
{
    [Fact]
    public async Task AnAnswerSlowerThanTheAttemptTimeout_IsAskedAgain_WithTheSameBody_AndAnsweredOnce()
    {
        var (cpo, connectionId) = await app.ConnectedCpoWithSessionAsync("CPS", "S-CPS");
        await using var _ = cpo;
        cpo.ProfileAnswer = FakeCpo.ProfileMode.AcceptSilently;
        cpo.SlowFirstProfileAnswer = TimeSpan.FromSeconds(3);

        var sent = await app.SendAsync(connectionId, "S-CPS");

        Assert.Equal((ChargingProfileRequestState.Answered, "ACCEPTED", 1), (sent.State, sent.SyncResult, sent.Attempts));
        Assert.Equal(2, cpo.ProfileRequests.Count);
        Assert.Single(cpo.ProfileRequests.Select(r => r.Body!.ToJsonString()).Distinct());
        var attempts = cpo.Requests.Where(r => r.Method == "PUT").ToList();
        Assert.Equal(2, attempts.Count);
        Assert.Single(attempts.Select(a => a.CorrelationId).Distinct());   // one call, tried twice
        Assert.Equal(sent.CallRequestId, attempts[1].RequestId);
    }
}
