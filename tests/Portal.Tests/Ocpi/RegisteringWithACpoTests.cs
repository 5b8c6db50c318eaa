using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Integration.Ocpi.Client;
using Portal.Integration.Ocpi.Connections;
using Portal.Integration.Ocpi.Pulling;

namespace Portal.Tests.Ocpi;

/// <summary>The credentials handshake in both directions, against a CPO over real HTTP.</summary>
public sealed class RegisteringWithACpoTests(OcpiPullAppFactory app) : IClassFixture<OcpiPullAppFactory>
{
    [Fact]
    public async Task PortalRegistersFromTokenA_DiscoversEndpoints_RotatesAndUnregisters()
    {
        await using var cpo = await FakeCpo.StartAsync(partyId: "RG1");

        var connectionId = await app.ConnectAsync(cpo);

        // We POSTed our credentials with token A; the CPO holds our token and we call it with its token C.
        Assert.NotNull(cpo.PortalToken);
        Assert.Equal(OcpiPullAppFactory.OurVersionsUrl, cpo.PortalVersionsUrl);
        Assert.Contains(cpo.Requests, r => r.Method == "POST" && r.Path == "/cpo/v221/creds" && r.Authorization == Encoded(cpo.TokenA));
        var afterRegistration = cpo.Requests.Where(r => r.Path == "/cpo/v221" ).Last();
        Assert.Equal(Encoded(cpo.TokenForPortal!), afterRegistration.Authorization);
        Assert.All(cpo.Requests, r => Assert.True(Guid.TryParse(r.RequestId, out _)));
        Assert.Equal(cpo.Requests.Count, cpo.Requests.Select(r => r.RequestId).Distinct().Count());
        var (connection, endpoints) = await app.QueryAsync(async db => (
            await db.OcpiConnections.AsNoTracking().SingleAsync(c => c.Id == connectionId),
            await db.OcpiPartnerEndpoints.AsNoTracking().Where(e => e.ConnectionId == connectionId).ToListAsync()));
        Assert.Equal(OcpiConnectionStatus.Connected, connection.Status);
        Assert.True(connection.RegisteredByPortal);
        Assert.Equal("2.2.1", connection.PartnerVersion);
        Assert.Equal(OcpiTokens.Hash(cpo.PortalToken!), connection.IncomingTokenHash);
        Assert.DoesNotContain(cpo.TokenForPortal!, connection.PartnerTokenProtected!, StringComparison.Ordinal);
        Assert.Equal($"{cpo.BaseUrl}/cpo/v221/sender/locs", endpoints.Single(e => e.Identifier == "locations" && e.Role == "SENDER").Url);
        Assert.Equal(6, endpoints.Count);

        // The CPO can call us with the token we gave it.
        using (var http = app.App.CreateClient())
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Token", Encoded(cpo.PortalToken!)["Token ".Length..]);
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/ocpi/versions")).StatusCode);
        }

        var oldPortalToken = cpo.PortalToken!;
        var oldCpoToken = cpo.TokenForPortal!;
        using (var scope = app.App.Services.CreateScope())
        {
            var rotated = await scope.ServiceProvider.GetRequiredService<OcpiPartners>().RotateAsync(connectionId, OcpiPullAppFactory.OurVersionsUrl);
            Assert.True(rotated.Succeeded, rotated.Error);
        }
        Assert.NotEqual(oldPortalToken, cpo.PortalToken);
        Assert.NotEqual(oldCpoToken, cpo.TokenForPortal);
        Assert.Equal(OcpiTokens.Hash(cpo.PortalToken!), await app.QueryAsync(db => db.OcpiConnections.Where(c => c.Id == connectionId).Select(c => c.IncomingTokenHash).SingleAsync()));
        Assert.Equal(PullOutcome.Succeeded, (await app.PullAsync(connectionId, OcpiModule.Tariffs)).Outcome);
        Assert.Equal(Encoded(cpo.TokenForPortal!), cpo.ListRequests("tariffs").Last().Authorization);

        using (var scope = app.App.Services.CreateScope())
        {
            var unregistered = await scope.ServiceProvider.GetRequiredService<OcpiPartners>().UnregisterAsync(connectionId);
            Assert.True(unregistered.Succeeded, unregistered.Error);
        }
        Assert.True(cpo.Unregistered);
        var revoked = await app.QueryAsync(db => db.OcpiConnections.AsNoTracking().SingleAsync(c => c.Id == connectionId));
        Assert.Equal(OcpiConnectionStatus.Revoked, revoked.Status);
        Assert.Null(revoked.IncomingTokenHash);
        Assert.Null(revoked.PartnerTokenProtected);
    }

    [Fact]
    public async Task WrongTokenA_RegistersNothing_AndSaysWhy()
    {
        await using var cpo = await FakeCpo.StartAsync(partyId: "RG2");
        using var scope = app.App.Services.CreateScope();

        var outcome = await scope.ServiceProvider.GetRequiredService<OcpiPartners>()
            .RegisterAsync(cpo.VersionsUrl, "not-the-token-a", "NL", "RG2", "Fout", OcpiPullAppFactory.OurVersionsUrl);

        Assert.False(outcome.Succeeded);
        Assert.Contains("401", outcome.Error, StringComparison.Ordinal);
        Assert.NotNull(outcome.RequestId);
        Assert.False(await app.QueryAsync(db => db.OcpiConnections.AnyAsync(c => c.PartyId == "RG2")));
    }

    [Fact]
    public async Task CpoRegistersWithTokenA_ThenThePortalDiscoversAndPullsWithTheCposToken()
    {
        await using var cpo = await FakeCpo.StartAsync(partyId: "RG3");
        string tokenA;
        using (var scope = app.App.Services.CreateScope())
            tokenA = (await scope.ServiceProvider.GetRequiredService<OcpiConnections>().IssueTokenAAsync("NL", "RG3", "Andersom"))!.Token;
        // The CPO's side of the handshake: its token B for us and its versions URL, POSTed with our token A.
        const string tokenB = "token-b-of-the-fake-cpo-for-the-portal";
        cpo.AcceptPortalToken(tokenB);
        using var http = app.App.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Token", Convert.ToBase64String(Encoding.UTF8.GetBytes(tokenA)));
        var credentials = new JsonObject
        {
            ["token"] = tokenB,
            ["url"] = cpo.VersionsUrl,
            ["roles"] = new JsonArray(new JsonObject { ["role"] = "CPO", ["business_details"] = new JsonObject { ["name"] = "Fake" }, ["party_id"] = "RG3", ["country_code"] = "NL" }),
        };
        var posted = await http.PostAsync("/ocpi/2.2.1/credentials", new StringContent(credentials.ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var connectionId = await app.QueryAsync(db => db.OcpiConnections.Where(c => c.PartyId == "RG3").Select(c => c.Id).SingleAsync());
        cpo.Add("sessions", OcpiPullAppFactory.Session("S-RG3", new DateTime(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc)));

        var report = await app.PullAsync(connectionId, OcpiModule.Sessions);

        Assert.Equal(PullOutcome.Succeeded, report.Outcome);
        Assert.Equal(1, report.Objects);
        Assert.All(cpo.Requests, r => Assert.Equal(Encoded(tokenB), r.Authorization));
        Assert.Contains(cpo.Requests, r => r.Path == "/cpo/versions");
        Assert.Contains(cpo.Requests, r => r.Path == "/cpo/v221");
        Assert.True(await app.QueryAsync(db => db.OcpiSessions.AnyAsync(s => s.ConnectionId == connectionId && s.SessionId == "S-RG3")));
    }

    private static string Encoded(string token) => "Token " + Convert.ToBase64String(Encoding.UTF8.GetBytes(token));
}
