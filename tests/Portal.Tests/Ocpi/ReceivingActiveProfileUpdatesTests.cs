using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Portal.Integration.Ocpi.ChargingProfiles;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Ocpi;

/// <summary>
/// The portal's ChargingProfiles Sender interface takes the CPO's ActiveChargingProfile updates
/// (PUT {chargingprofiles}/{session_id}) only for sessions where it set a profile that the CPO accepted,
/// keeps each distinct update once, and shows the latest on the connection page.
/// </summary>
public sealed class ReceivingActiveProfileUpdatesTests(ChargingProfilesAppFactory app) : IClassFixture<ChargingProfilesAppFactory>
{
    private const string Update = """
        {"start_date_time":"2026-03-02T08:15:00Z","charging_profile":{"charging_rate_unit":"W","charging_profile_period":[{"start_period":0,"limit":7400},{"start_period":900,"limit":3700.5}]}}
        """;

    [Fact]
    public async Task AnUpdateForASessionWithAnAcceptedProfile_IsStoredFieldForField()
    {
        var (cpo, connectionId) = await AcceptedProfileAsync("AU1", "S-AU1");
        await using var _ = cpo;

        var answer = await cpo.PutActiveProfileAsync("S-AU1", Update, requestId: "req-au1");

        Assert.Equal((200, 1000), (answer.HttpStatus, answer.OcpiStatus));
        Assert.Null(answer.Body!["data"]);
        var stored = Assert.Single(await UpdatesAsync(connectionId));
        Assert.Equal("S-AU1", stored.SessionId);
        Assert.Equal(new DateTime(2026, 3, 2, 8, 15, 0, DateTimeKind.Utc), stored.StartDateTimeUtc);
        Assert.Equal("W", stored.ChargingRateUnit);
        Assert.Equal(7400m, stored.LimitAtStart);
        Assert.Equal(Update, stored.RawJson);
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, stored.ReceivedAtUtc);
        Assert.Equal("req-au1", stored.RequestId);
    }

    [Fact]
    public async Task TheSameUpdatePushedAgain_IsStoredOnce_AndAChangedOneIsAdded()
    {
        var (cpo, connectionId) = await AcceptedProfileAsync("AU2", "S-AU2");
        await using var _ = cpo;

        var first = await cpo.PutActiveProfileAsync("S-AU2", Update);
        var again = await cpo.PutActiveProfileAsync("S-AU2", Update);
        var reformatted = await cpo.PutActiveProfileAsync("S-AU2", JsonNode.Parse(Update)!.ToJsonString(new() { WriteIndented = true }));
        var changed = await cpo.PutActiveProfileAsync("S-AU2", Update.Replace("7400", "11000", StringComparison.Ordinal));

        Assert.All([first, again, reformatted, changed], a => Assert.Equal((200, 1000), (a.HttpStatus, a.OcpiStatus)));
        var stored = await UpdatesAsync(connectionId);
        Assert.Equal([7400m, 11000m], stored.Select(u => u.LimitAtStart).Order());
    }

    [Fact]
    public async Task TheSameUpdatePushedSeveralTimesAtOnce_IsStoredOnce()
    {
        var (cpo, connectionId) = await AcceptedProfileAsync("AU3", "S-AU3");
        await using var _ = cpo;

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => cpo.PutActiveProfileAsync("S-AU3", Update)));

        Assert.All(answers, a => Assert.Equal((200, 1000), (a.HttpStatus, a.OcpiStatus)));
        Assert.Single(await UpdatesAsync(connectionId));
    }

    [Fact]
    public async Task ASessionWithoutAnAcceptedProfile_Is404_AndNothingIsStored()
    {
        var (cpo, connectionId) = await app.ConnectedCpoWithSessionAsync("AU4", "S-AU4");
        await using var _ = cpo;
        cpo.ProfileAnswer = FakeCpo.ProfileMode.Reject;
        Assert.Equal("REJECTED", (await app.SendAsync(connectionId, "S-AU4")).SyncResult);
        cpo.ProfileAnswer = FakeCpo.ProfileMode.AcceptSilently;
        Assert.Equal("ACCEPTED", (await app.GetActiveAsync(connectionId, "S-AU4")).SyncResult);

        var rejected = await cpo.PutActiveProfileAsync("S-AU4", Update);
        var unknown = await cpo.PutActiveProfileAsync("NO-SUCH-SESSION", Update);

        Assert.Equal((404, 2001), (rejected.HttpStatus, rejected.OcpiStatus));
        Assert.Contains("no charging profile", rejected.Body!["status_message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal((404, 2001), (unknown.HttpStatus, unknown.OcpiStatus));
        Assert.Empty(await UpdatesAsync(connectionId));
    }

    [Fact]
    public async Task AnotherConnectionsSession_Is404_AndNothingIsStored()
    {
        var (owner, ownerId) = await AcceptedProfileAsync("AU5", "S-AU5");
        var (other, otherId) = await app.ConnectedCpoWithSessionAsync("AU6", "S-AU6");
        await using var _1 = owner;
        await using var _2 = other;

        var answer = await other.PutActiveProfileAsync("S-AU5", Update);

        Assert.Equal((404, 2001), (answer.HttpStatus, answer.OcpiStatus));
        Assert.Empty(await UpdatesAsync(ownerId));
        Assert.Empty(await UpdatesAsync(otherId));
    }

    [Theory]
    [InlineData("IV1", """{"charging_profile":{"charging_rate_unit":"W","charging_profile_period":[{"start_period":0,"limit":7400}]}}""", "start_date_time: required")]
    [InlineData("IV2", """{"start_date_time":"gisteren","charging_profile":{"charging_rate_unit":"W"}}""", "start_date_time: required")]
    [InlineData("IV3", """{"start_date_time":"2026-03-02T08:15:00Z","charging_profile":{"charging_rate_unit":"kW","charging_profile_period":[{"start_period":0,"limit":7.4}]}}""", "charging_profile.charging_rate_unit: required, W or A")]
    [InlineData("IV4", """{"start_date_time":"2026-03-02T08:15:00Z"}""", "charging_profile: required")]
    [InlineData("IV5", """{"start_date_time":"2026-03-02T08:15:00Z","charging_profile":{"charging_rate_unit":"A","charging_profile_period":[{"start_period":0,"limit":16.25}]}}""", "charging_profile.charging_profile_period[0].limit")]
    [InlineData("IV6", """{"start_date_time":"2026-03-02T08:15:00Z","charging_profile":{"charging_rate_unit":"A","charging_profile_period":[{"start_period":0,"limit":16},{"start_period":-60,"limit":10}]}}""", "charging_profile.charging_profile_period[1].start_period")]
    [InlineData("IV7", """{"start_date_time":"2026-03-02T08:15:00Z","charging_profile":{"charging_rate_unit":"A","charging_profile_period":[{"start_period":0,"limit":-1}]}}""", "charging_profile.charging_profile_period[0].limit")]
    [InlineData("IV8", """[1,2,3]""", "ActiveChargingProfile object")]
    public async Task AnInvalidUpdate_Is200With2001NamingTheField_AndNothingIsStored(string party, string body, string expected)
    {
        var (cpo, connectionId) = await AcceptedProfileAsync(party, $"S-{party}");
        await using var _ = cpo;

        var answer = await cpo.PutActiveProfileAsync($"S-{party}", body);

        Assert.Equal((200, 2001), (answer.HttpStatus, answer.OcpiStatus));
        Assert.Contains(expected, answer.Body!["status_message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(await UpdatesAsync(connectionId));
    }

    [Fact]
    public async Task ABodyThatIsNotJson_Is400_AndATooLargeOne413_BothWith2001()
    {
        var (cpo, connectionId) = await AcceptedProfileAsync("AU7", "S-AU7");
        await using var _ = cpo;

        var notJson = await cpo.PutActiveProfileAsync("S-AU7", "start_date_time=now");
        var tooLarge = await cpo.PutActiveProfileAsync("S-AU7", Update.Replace("\"W\"", "\"W\"," + $"\"note\":\"{new string('x', ActiveChargingProfileUpdate.MaxJson)}\"", StringComparison.Ordinal));

        Assert.Equal((400, 2001), (notJson.HttpStatus, notJson.OcpiStatus));
        Assert.Equal((413, 2001), (tooLarge.HttpStatus, tooLarge.OcpiStatus));
        Assert.Empty(await UpdatesAsync(connectionId));
    }

    [Fact]
    public async Task WithoutAToken_Is401()
    {
        var (cpo, connectionId) = await AcceptedProfileAsync("AU8", "S-AU8");
        await using var _ = cpo;
        var endpoint = await cpo.PortalEndpointAsync("chargingprofiles", "SENDER");
        using var anonymous = app.App.CreateClient();

        var answer = await anonymous.PutAsync($"{endpoint}/S-AU8", new StringContent(Update, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
        Assert.Empty(await UpdatesAsync(connectionId));
    }

    [Fact]
    public async Task TheVersionDetails_ListTheChargingProfilesSender()
    {
        var (cpo, _) = await app.ConnectedCpoWithSessionAsync("AU9", "S-AU9");
        await using var _1 = cpo;

        Assert.Equal("http://localhost/ocpi/2.2.1/chargingprofiles", await cpo.PortalEndpointAsync("chargingprofiles", "SENDER"));
    }

    [Fact]
    public async Task TheConnectionPage_ShowsTheLatestUpdates_OrSaysThereAreNone()
    {
        var (cpo, connectionId) = await AcceptedProfileAsync("AUA", "S-AUA");
        await using var _ = cpo;
        using var admin = await app.LogInAsAsync(DemoAccounts.Admin);
        var (_, before) = await admin.GetPageAsync($"/admin/ocpi/{connectionId}");

        Assert.Equal("De CPO heeft nog geen actief profiel gemeld.", before.QuerySelector("[data-testid=no-active-profile-updates]")!.TextContent.Trim());
        Assert.Empty(before.QuerySelectorAll("[data-testid=active-profile-update]"));

        var pushed = await cpo.PutActiveProfileAsync("S-AUA", Update);
        Assert.Equal((200, 1000), (pushed.HttpStatus, pushed.OcpiStatus));
        var (_, after) = await admin.GetPageAsync($"/admin/ocpi/{connectionId}");

        var row = Assert.Single(after.QuerySelectorAll("[data-testid=active-profile-update]"));
        var cells = row.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal("S-AUA", cells[1]);
        // 08:15 UTC is 09:15 in Amsterdam (CET); the date in the culture's own short form.
        Assert.Equal(new DateTime(2026, 3, 2, 9, 15, 0).ToString("g", CultureInfo.GetCultureInfo("nl-NL")), cells[2]);
        Assert.Equal(("W", "7400"), (cells[3], cells[4]));
    }

    /// <summary>A connected fake CPO whose session got a SetChargingProfile it ACCEPTED.</summary>
    private async Task<(FakeCpo Cpo, Guid ConnectionId)> AcceptedProfileAsync(string partyId, string sessionId)
    {
        var (cpo, connectionId) = await app.ConnectedCpoWithSessionAsync(partyId, sessionId);
        cpo.ProfileAnswer = FakeCpo.ProfileMode.AcceptSilently;
        var sent = await app.SendAsync(connectionId, sessionId);
        Assert.Equal(ChargingProfileValues.Accepted, sent.SyncResult);
        return (cpo, connectionId);
    }

    private Task<List<ActiveChargingProfileUpdate>> UpdatesAsync(Guid connectionId) =>
        app.QueryAsync(db => db.ActiveChargingProfileUpdates.AsNoTracking().Where(u => u.ConnectionId == connectionId).ToListAsync());
}
