using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Integration.Ocpi;
using Portal.Integration.Ocpi.Connections;
using Portal.Integration.Ocpi.Mapping;
using Portal.Integration.Ocpi.Receiving;
using Portal.Integration.Ocpi.Validation;
using Portal.Integration.Persistence;
using Portal.Tests.Infrastructure;
using Wire = Portal.Integration.Ocpi.Contracts;

namespace Portal.Tests.Demo;

public sealed class RunningTheSimulatedCpoTests(SimulatedCpoApp app) : IClassFixture<SimulatedCpoApp>
{
    private const string Root = "/demo-cpo/ocpi/2.2.1";

    [Fact]
    public async Task AtStart_TheSimulatedCpoRegistersWithThePortal()
    {
        await app.TickAsync(TimeSpan.FromSeconds(1));

        var connection = await app.ConnectionAsync();
        Assert.Equal(OcpiConnectionStatus.Connected, connection.Status);
        Assert.Equal("http://localhost/demo-cpo/ocpi/versions", connection.PartnerVersionsUrl);
        using var admin = await app.LogInAsAsync(DemoAccounts.Admin);
        var (_, page) = await admin.GetPageAsync($"/admin/ocpi/{connection.Id}");
        Assert.Equal("Verbonden", page.QuerySelector("[data-testid=status]")!.TextContent.Trim());
    }

    [Fact]
    public async Task Locations_ComePagedWithOcpiHeaders_AndEachOnePassesTheValidator()
    {
        await app.TickAsync(TimeSpan.FromSeconds(1));
        using var http = await app.PortalSideClientAsync();

        var seen = new List<Wire.Location>();
        var url = $"{Root}/locations?limit=100";
        var pages = 0;
        while (url is not null)
        {
            var response = await http.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("12", response.Headers.GetValues("X-Total-Count").Single());
            Assert.Equal("5", response.Headers.GetValues("X-Limit").Single());
            seen.AddRange(await DataAsync<List<Wire.Location>>(response));
            url = response.Headers.TryGetValues("Link", out var link) ? NextUrl(link.Single()) : null;
            pages++;
        }

        Assert.Equal(3, pages);
        Assert.Equal(12, seen.Select(l => l.Id).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(seen, l => Assert.Empty(OcpiValidator.ValidateLocation(l)));
        Assert.All(seen, l => Assert.Equal(app.World.Party.PartyId, l.PartyId));

        var single = await http.GetAsync($"{Root}/locations/{seen[7].Id}");
        Assert.Equal(seen[7].Id, (await DataAsync<Wire.Location>(single)).Id);
        var evse = seen[7].Evses![0];
        var one = await http.GetAsync($"{Root}/locations/{seen[7].Id}/{evse.Uid}/{evse.Connectors![0].Id}");
        Assert.Empty(OcpiValidator.ValidateConnector(await DataAsync<Wire.Connector>(one)));
        var unknown = await http.GetAsync($"{Root}/locations/NO-SUCH-LOCATION");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(2003, (await EnvelopeAsync(unknown)).GetProperty("status_code").GetInt32());
    }

    [Fact]
    public async Task DateFilters_KeepOnlyObjectsUpdatedInTheWindow()
    {
        await app.TickAsync(TimeSpan.FromSeconds(1));
        using var http = await app.PortalSideClientAsync();
        var future = OcpiJson.FormatDateTime(app.Clock.GetUtcNow().UtcDateTime.AddDays(1));

        var response = await http.GetAsync($"{Root}/locations?date_from={future}");

        Assert.Equal("0", response.Headers.GetValues("X-Total-Count").Single());
        Assert.Empty(await DataAsync<List<Wire.Location>>(response));
    }

    [Fact]
    public async Task WithoutTheTokenItHandedOut_TheSimulatorAnswers401()
    {
        using var stranger = app.App.CreateClient();
        stranger.DefaultRequestHeaders.Authorization = new("Token", Convert.ToBase64String(Encoding.UTF8.GetBytes("not-the-token")));

        var response = await stranger.GetAsync($"{Root}/locations");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.True(response.Headers.Contains("X-Request-ID"));
    }

    [Fact]
    public async Task Tick_PushesStatusChanges_ThatLandOnTheImportedDemoLocationsAndTheMap()
    {
        await app.TickAsync(TimeSpan.FromSeconds(1));
        var locationsBefore = await CountAsync(db => db.ChargeLocations.CountAsync());

        // Each step advances less than the map index's 60 s lifetime: only the push can make it rebuild.
        for (var step = 0; step < 15; step++)
        {
            var before = await MapStatusesAsync();
            await app.TickAsync(TimeSpan.FromSeconds(20));
            var now = app.Clock.GetUtcNow().UtcDateTime;

            using var scope = app.App.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var events = await db.EvseStatusEvents.AsNoTracking().Where(e => e.OccurredAtUtc == now).ToListAsync();
            Assert.NotEmpty(events);
            Assert.All(events, e => Assert.Equal(EvseStatusSource.Push, e.Source));
            foreach (var pushed in events)
            {
                var location = await db.ChargeLocations.AsNoTracking().Include(l => l.Evses).SingleAsync(l => l.OcpiKey == pushed.LocationSourceId);
                Assert.Equal("NDW", location.Source);
                Assert.Equal(OcpiLocationMapping.Status(pushed.Status), location.Evses.Single(e => string.Equals(e.Uid, pushed.EvseUid, StringComparison.OrdinalIgnoreCase)).Status);
            }
            Assert.Equal(locationsBefore, await db.ChargeLocations.CountAsync());

            var after = await MapStatusesAsync();
            var changed = after.Where(a => before.TryGetValue(a.Key, out var old) && old != a.Value).ToList();
            foreach (var (id, status) in after)
            {
                var stored = await db.ChargeLocations.AsNoTracking().Where(l => l.Id == id).Select(l => l.Status).SingleAsync();
                Assert.Equal(stored.ToString(), status);
            }
            if (changed.Count > 0)
                return;   // a location's status changed on the map within one step
        }
        Assert.Fail("No simulated status change reached the map in 15 steps.");
    }

    [Fact]
    public async Task SessionsCdrsAndTariffs_AreServedPagedAndComplete()
    {
        for (var step = 0; step < 40; step++)
            await app.TickAsync(TimeSpan.FromSeconds(30));
        using var http = await app.PortalSideClientAsync();

        var tariffs = await AllAsync<Wire.Tariff>(http, "tariffs");
        var sessions = await AllAsync<Wire.Session>(http, $"sessions?date_from={OcpiJson.FormatDateTime(DateTime.UnixEpoch)}");
        var cdrs = await AllAsync<Wire.Cdr>(http, "cdrs");

        Assert.Equal(2, tariffs.Count);
        Assert.All(tariffs, t => Assert.NotEmpty(t.Elements!));
        var tariffIds = tariffs.Select(t => t.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.Contains(sessions, s => s.Status == "ACTIVE");
        Assert.Contains(sessions, s => s.Status == "COMPLETED");
        Assert.All(sessions, s => CheckSession(s, tariffIds));
        Assert.NotEmpty(cdrs);
        Assert.All(cdrs, c => CheckCdr(c, tariffIds, sessions));
        var locations = await AllAsync<Wire.Location>(http, "locations");
        Assert.All(locations.SelectMany(l => l.Evses!).SelectMany(e => e.Connectors!), c => Assert.Subset(tariffIds, c.TariffIds!.ToHashSet(StringComparer.OrdinalIgnoreCase)));
    }

    [Fact]
    public async Task SetChargingProfile_IsAcceptedAtOnce_AndTheResultIsPostedToTheResponseUrl()
    {
        await app.TickAsync(TimeSpan.FromSeconds(1));
        using var http = await app.PortalSideClientAsync();
        var active = (await AllAsync<Wire.Session>(http, "sessions")).First(s => s.Status == "ACTIVE");
        var profile = new Wire.SetChargingProfile(
            new Wire.ChargingProfile(null, 3600, "W", null, [new Wire.ChargingProfilePeriod(0, 7400), new Wire.ChargingProfilePeriod(1800, 3700)]),
            $"http://{SimulatedCpoApp.CallbackHost}/profiles/set-1");

        var put = await http.PutAsync($"{Root}/chargingprofiles/{active.Id}", Json(profile));

        var answer = await DataAsync<Wire.ChargingProfileResponse>(put);
        Assert.Equal("ACCEPTED", answer.Result);
        Assert.True(answer.Timeout > 0);
        var result = await app.Callbacks.PostedToAsync("/profiles/set-1");
        Assert.Equal("ACCEPTED", result.GetProperty("result").GetString());

        var get = await http.GetAsync($"{Root}/chargingprofiles/{active.Id}?duration=900&response_url={Uri.EscapeDataString($"http://{SimulatedCpoApp.CallbackHost}/profiles/get-1")}");
        Assert.Equal("ACCEPTED", (await DataAsync<Wire.ChargingProfileResponse>(get)).Result);
        var activeProfile = (await app.Callbacks.PostedToAsync("/profiles/get-1")).Deserialize<Wire.ActiveChargingProfileResult>(OcpiJson.Options)!;
        Assert.Equal("ACCEPTED", activeProfile.Result);
        Assert.Equal(3700, activeProfile.Profile!.ChargingProfile.ChargingProfilePeriod![1].Limit);

        var delete = await http.DeleteAsync($"{Root}/chargingprofiles/{active.Id}?response_url={Uri.EscapeDataString($"http://{SimulatedCpoApp.CallbackHost}/profiles/clear-1")}");
        Assert.Equal("ACCEPTED", (await DataAsync<Wire.ChargingProfileResponse>(delete)).Result);
        Assert.Equal("ACCEPTED", (await app.Callbacks.PostedToAsync("/profiles/clear-1")).GetProperty("result").GetString());
    }

    [Fact]
    public async Task ChargingProfileForAnUnknownSession_IsRefusedAtOnce()
    {
        await app.TickAsync(TimeSpan.FromSeconds(1));
        using var http = await app.PortalSideClientAsync();
        var profile = new Wire.SetChargingProfile(new Wire.ChargingProfile(null, null, "A", null, [new Wire.ChargingProfilePeriod(0, 16)]),
            $"http://{SimulatedCpoApp.CallbackHost}/profiles/unknown-1");

        var put = await http.PutAsync($"{Root}/chargingprofiles/NO-SUCH-SESSION", Json(profile));

        Assert.Equal("UNKNOWN_SESSION", (await DataAsync<Wire.ChargingProfileResponse>(put)).Result);
        Assert.False(app.Callbacks.HasPost("/profiles/unknown-1"));
    }

    private static void CheckSession(Wire.Session s, IReadOnlySet<string> tariffIds)
    {
        Assert.Equal(2, s.CountryCode.Length);
        Assert.Equal(3, s.PartyId.Length);
        Assert.InRange(s.Id.Length, 1, 36);
        Assert.NotNull(s.StartDateTime);
        Assert.NotNull(s.LastUpdated);
        Assert.True(s.Kwh >= 0);
        Assert.Contains(s.CdrToken.Type, (IEnumerable<string>)OcpiValues.TokenType);
        Assert.Contains(s.AuthMethod, new[] { "AUTH_REQUEST", "COMMAND", "WHITELIST" });
        Assert.Contains(s.Status, new[] { "ACTIVE", "COMPLETED", "INVALID", "PENDING", "RESERVATION" });
        Assert.Equal("EUR", s.Currency);
        Assert.Equal(s.Status == "COMPLETED", s.EndDateTime is not null);
        Assert.All(s.ChargingPeriods!, p =>
        {
            Assert.NotEmpty(p.Dimensions!);
            Assert.Contains(p.TariffId!, tariffIds);
        });
        Assert.NotNull(s.TotalCost);
    }

    private static void CheckCdr(Wire.Cdr c, IReadOnlySet<string> tariffIds, IReadOnlyList<Wire.Session> sessions)
    {
        string[] cdrDimensions = ["ENERGY", "MAX_CURRENT", "MIN_CURRENT", "MAX_POWER", "MIN_POWER", "PARKING_TIME", "RESERVATION_TIME", "TIME"];
        Assert.InRange(c.Id.Length, 1, 36);
        Assert.NotNull(c.StartDateTime);
        Assert.True(c.EndDateTime >= c.StartDateTime);
        var session = Assert.Single(sessions, s => s.Id == c.SessionId);
        Assert.Equal("COMPLETED", session.Status);
        Assert.Equal(session.Kwh, c.TotalEnergy);
        Assert.Equal(session.EvseUid, c.CdrLocation.EvseUid);
        Assert.Matches(@"^-?[0-9]{1,2}\.[0-9]{5,7}$", c.CdrLocation.Coordinates.Latitude);
        Assert.Contains(c.CdrLocation.ConnectorStandard, (IEnumerable<string>)OcpiValues.ConnectorType);
        Assert.Contains(c.CdrLocation.ConnectorFormat, (IEnumerable<string>)OcpiValues.ConnectorFormat);
        Assert.Contains(c.CdrLocation.ConnectorPowerType, (IEnumerable<string>)OcpiValues.PowerType);
        Assert.NotEmpty(c.ChargingPeriods!);
        Assert.All(c.ChargingPeriods!.SelectMany(p => p.Dimensions!), d => Assert.Contains(d.Type, cdrDimensions));
        Assert.All(c.Tariffs!, t => Assert.Contains(t.Id, tariffIds));
        Assert.NotNull(c.TotalTime);
        Assert.Equal(c.TotalEnergyCost!.ExclVat + (c.TotalParkingCost?.ExclVat ?? 0), c.TotalCost.ExclVat);
        Assert.NotNull(c.LastUpdated);
    }

    private async Task<Dictionary<Guid, string>> MapStatusesAsync()
    {
        using var visitor = app.CreateClient();
        var json = await visitor.Http.GetStringAsync("/api/map/features?bbox=5.80,51.93,6.05,52.05&zoom=22");
        using var document = JsonDocument.Parse(json);
        var keys = app.World.Party.Locations.Select(l => $"{app.World.Party.CountryCode}*{app.World.Party.PartyId}*{l.Id}".ToUpperInvariant()).ToList();
        using var scope = app.App.Services.CreateScope();
        var ids = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().ChargeLocations.AsNoTracking()
            .Where(l => keys.Contains(l.OcpiKey!)).Select(l => l.Id).ToListAsync();
        return document.RootElement.GetProperty("features").EnumerateArray()
            .Select(f => f.GetProperty("properties"))
            .Where(p => p.TryGetProperty("id", out var id) && ids.Contains(id.GetGuid()))
            .ToDictionary(p => p.GetProperty("id").GetGuid(), p => p.GetProperty("status").GetString()!);
    }

    private async Task<int> CountAsync(Func<PortalDbContext, Task<int>> count)
    {
        using var scope = app.App.Services.CreateScope();
        return await count(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }

    private static async Task<List<T>> AllAsync<T>(HttpClient http, string module)
    {
        var all = new List<T>();
        string? url = $"{Root}/{module}";
        while (url is not null)
        {
            var response = await http.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await DataAsync<List<T>>(response);
            Assert.InRange(page.Count, 0, 5);
            all.AddRange(page);
            url = response.Headers.TryGetValues("Link", out var link) ? NextUrl(link.Single()) : null;
        }
        return all;
    }

    /// <summary>The path and query of a Link header's next URL (the test client has its own base address).</summary>
    private static string NextUrl(string link)
    {
        Assert.EndsWith("; rel=\"next\"", link, StringComparison.Ordinal);
        var absolute = new Uri(link[1..link.IndexOf('>', StringComparison.Ordinal)]);
        return absolute.PathAndQuery;
    }

    private static async Task<JsonElement> EnvelopeAsync(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var envelope = document.RootElement.Clone();
        Assert.True(envelope.TryGetProperty("timestamp", out _));
        return envelope;
    }

    private static async Task<T> DataAsync<T>(HttpResponseMessage response)
    {
        var envelope = await EnvelopeAsync(response);
        Assert.Equal(1000, envelope.GetProperty("status_code").GetInt32());
        return envelope.GetProperty("data").Deserialize<T>(OcpiJson.Options)!;
    }

    private static StringContent Json<T>(T body) =>
        new(JsonSerializer.Serialize(body, OcpiJson.Options), Encoding.UTF8, "application/json");
}
