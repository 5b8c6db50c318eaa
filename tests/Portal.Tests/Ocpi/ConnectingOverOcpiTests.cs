using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Integration.Ocpi.Connections;
using Portal.Integration.Persistence;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Ocpi;

public sealed class ConnectingOverOcpiTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task ValidToken_ListsVersion221WithThisHostsUrl()
    {
        using var cpo = await OcpiPartner.RegisterAsync(app);

        var answer = await cpo.SendAsync(HttpMethod.Get, "/ocpi/versions", null);

        Assert.Equal(HttpStatusCode.OK, answer.Response.StatusCode);
        Assert.Equal(1000, answer.StatusCode);
        var version = Assert.Single(answer.Envelope.GetProperty("data").EnumerateArray());
        Assert.Equal("2.2.1", version.GetProperty("version").GetString());
        Assert.Equal("http://localhost/ocpi/2.2.1", version.GetProperty("url").GetString());
        Assert.True(answer.Envelope.TryGetProperty("timestamp", out _));
    }

    [Fact]
    public async Task VersionDetails_ListCredentials_TheLocationsReceiver_AndTheChargingProfilesSender()
    {
        using var cpo = await OcpiPartner.RegisterAsync(app);

        var answer = await cpo.SendAsync(HttpMethod.Get, "/ocpi/2.2.1", null);

        Assert.Equal(1000, answer.StatusCode);
        var data = answer.Envelope.GetProperty("data");
        Assert.Equal("2.2.1", data.GetProperty("version").GetString());
        var endpoints = data.GetProperty("endpoints").EnumerateArray()
            .Select(e => (e.GetProperty("identifier").GetString(), e.GetProperty("role").GetString(), e.GetProperty("url").GetString()));
        Assert.Equal(
        [
            ("credentials", "SENDER", "http://localhost/ocpi/2.2.1/credentials"),
            ("locations", "RECEIVER", "http://localhost/ocpi/2.2.1/locations"),
            ("chargingprofiles", "SENDER", "http://localhost/ocpi/2.2.1/chargingprofiles"),
        ], endpoints);
    }

    [Fact]
    public async Task CredentialsGet_ReturnsThePortalAsPartyWithTheCallersToken()
    {
        using var scope = app.App.Services.CreateScope();
        var registered = await scope.ServiceProvider.GetRequiredService<OcpiConnections>().RegisterCpoAsync("NL", "CRD", "Credentials CPO");
        using var http = app.App.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Token", Convert.ToBase64String(Encoding.UTF8.GetBytes(registered.Token)));

        var answer = await OcpiAnswer.ReadAsync(await http.GetAsync("/ocpi/2.2.1/credentials"));

        Assert.Equal(1000, answer.StatusCode);
        var data = answer.Envelope.GetProperty("data");
        Assert.Equal(registered.Token, data.GetProperty("token").GetString());
        Assert.Equal("http://localhost/ocpi/versions", data.GetProperty("url").GetString());
        var role = Assert.Single(data.GetProperty("roles").EnumerateArray());
        Assert.Equal("OTHER", role.GetProperty("role").GetString());
        Assert.Equal("LPP", role.GetProperty("party_id").GetString());
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        Assert.Equal(OcpiConnectionStatus.Connected, (await db.OcpiConnections.AsNoTracking().SingleAsync(c => c.Id == registered.ConnectionId)).Status);
    }

    [Fact]
    public async Task RawTokenWithoutBase64_IsAcceptedToo()
    {
        using var scope = app.App.Services.CreateScope();
        var registered = await scope.ServiceProvider.GetRequiredService<OcpiConnections>().RegisterCpoAsync("NL", "RAW", "Oude CPO");
        using var http = app.App.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Token", registered.Token);

        var answer = await OcpiAnswer.ReadAsync(await http.GetAsync("/ocpi/versions"));

        Assert.Equal(1000, answer.StatusCode);
    }

    [Fact]
    public async Task NoToken_Is401WithAnEnvelope()
    {
        using var http = app.App.CreateClient();

        var answer = await OcpiAnswer.ReadAsync(await http.GetAsync("/ocpi/versions"));

        Assert.Equal(HttpStatusCode.Unauthorized, answer.Response.StatusCode);
        Assert.Equal(2000, answer.StatusCode);
        Assert.False(answer.Envelope.TryGetProperty("data", out _));
    }

    [Fact]
    public async Task WrongToken_Is401()
    {
        using var http = app.App.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Token", Convert.ToBase64String(Encoding.UTF8.GetBytes("not-a-token-we-issued")));

        var answer = await OcpiAnswer.ReadAsync(await http.GetAsync("/ocpi/2.2.1"));

        Assert.Equal(HttpStatusCode.Unauthorized, answer.Response.StatusCode);
        Assert.Equal(2000, answer.StatusCode);
    }

    [Fact]
    public async Task RequestId_IsEchoed_AndACorrelationIdIsCreated()
    {
        using var cpo = await OcpiPartner.RegisterAsync(app);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/ocpi/versions");
        request.Headers.Add("X-Request-ID", "req-42");

        using var response = await cpo.Http.SendAsync(request);

        Assert.Equal("req-42", Assert.Single(response.Headers.GetValues("X-Request-ID")));
        Assert.True(Guid.TryParse(Assert.Single(response.Headers.GetValues("X-Correlation-ID")), out _));
    }

    [Fact]
    public async Task Unauthorised_StillEchoesTheCorrelationId()
    {
        using var http = app.App.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/ocpi/versions");
        request.Headers.Add("X-Correlation-ID", "chain-7");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("chain-7", Assert.Single(response.Headers.GetValues("X-Correlation-ID")));
        Assert.True(Guid.TryParse(Assert.Single(response.Headers.GetValues("X-Request-ID")), out _));
    }

    [Fact]
    public async Task RegisteredToken_IsStoredOnlyAsItsHash()
    {
        using var scope = app.App.Services.CreateScope();
        var registered = await scope.ServiceProvider.GetRequiredService<OcpiConnections>().RegisterCpoAsync("NL", "HSH", "Hash CPO");
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();

        var stored = await db.OcpiConnections.FindAsync(registered.ConnectionId);

        Assert.Equal(OcpiTokens.Hash(registered.Token), stored!.IncomingTokenHash);
        Assert.DoesNotContain(registered.Token, stored.IncomingTokenHash, StringComparison.Ordinal);
    }
}
