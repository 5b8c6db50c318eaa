using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Features.Admin;
using Portal.Integration.Ocpi.Connections;
using Portal.Integration.Persistence;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Ocpi;

public sealed class RegisteringWithCredentialsTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private const string CredentialsUrl = "/ocpi/2.2.1/credentials";

    /// <summary>The admin issues token A (the dialog on /admin/ocpi calls this); returns token A and the versions URL shown once.</summary>
    private async Task<(string TokenA, string VersionsUrl)> IssueTokenAAsync(string countryCode, string partyId, string name)
    {
        await using var scope = app.App.Services.CreateAsyncScope();
        var issued = (await scope.ServiceProvider.GetRequiredService<OcpiAdministration>().IssueTokenAAsync(countryCode, partyId, name)).Issued!;
        return (issued.Token, issued.VersionsUrl);
    }

    private HttpClient Client(string token)
    {
        var http = app.App.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Token", Convert.ToBase64String(Encoding.UTF8.GetBytes(token)));
        return http;
    }

    private static JsonObject CpoCredentials(string token, string countryCode = "NL", string partyId = "LDN") => new()
    {
        ["token"] = token,
        ["url"] = "https://cpo.example/ocpi/versions",
        ["roles"] = new JsonArray(new JsonObject
        {
            ["role"] = "CPO",
            ["business_details"] = new JsonObject { ["name"] = "Laadnet" },
            ["party_id"] = partyId,
            ["country_code"] = countryCode,
        }),
    };

    [Fact]
    public async Task FullHandshake_TokenAThenTokenC_RotateAndUnregister()
    {
        var (tokenA, versionsUrl) = await IssueTokenAAsync("NL", "LDN", "Laadnet");
        Assert.Equal("http://localhost/ocpi/versions", versionsUrl);
        using var withA = new OcpiPartner(Client(tokenA));

        var versions = await withA.SendAsync(HttpMethod.Get, "/ocpi/versions", null);
        var details = await withA.SendAsync(HttpMethod.Get, "/ocpi/2.2.1", null);
        var pushWithA = await withA.PutAsync("/ocpi/2.2.1/locations/NL/LDN/CRED-1", OcpiPartner.Location("CRED-1", "Tokenweg 1"));
        Assert.Equal(1000, versions.StatusCode);
        Assert.Equal(1000, details.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, pushWithA.Response.StatusCode);

        const string tokenB = "token-b-of-the-cpo-0123456789";
        var registered = await withA.SendAsync(HttpMethod.Post, CredentialsUrl, CpoCredentials(tokenB));
        Assert.Equal(HttpStatusCode.OK, registered.Response.StatusCode);
        Assert.Equal(1000, registered.StatusCode);
        var data = registered.Envelope.GetProperty("data");
        var tokenC = data.GetProperty("token").GetString()!;
        Assert.NotEqual(tokenA, tokenC);
        Assert.Equal("http://localhost/ocpi/versions", data.GetProperty("url").GetString());
        Assert.Equal("OTHER", data.GetProperty("roles")[0].GetProperty("role").GetString());

        var afterwardsWithA = await withA.SendAsync(HttpMethod.Get, "/ocpi/versions", null);
        Assert.Equal(HttpStatusCode.Unauthorized, afterwardsWithA.Response.StatusCode);

        using var withC = new OcpiPartner(Client(tokenC));
        var push = await withC.PutAsync("/ocpi/2.2.1/locations/NL/LDN/CRED-1", OcpiPartner.Location("CRED-1", "Tokenweg 1"));
        Assert.Equal(HttpStatusCode.Created, push.Response.StatusCode);
        var again = await withC.SendAsync(HttpMethod.Post, CredentialsUrl, CpoCredentials(tokenB));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, again.Response.StatusCode);
        Assert.Equal(2000, again.StatusCode);

        using (var scope = app.App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var row = await db.OcpiConnections.AsNoTracking().SingleAsync(c => c.PartyId == "LDN");
            Assert.Equal(OcpiConnectionStatus.Connected, row.Status);
            Assert.Null(row.TokenAHash);
            Assert.Equal("https://cpo.example/ocpi/versions", row.PartnerVersionsUrl);
            Assert.DoesNotContain(tokenB, row.PartnerTokenProtected!, StringComparison.Ordinal);
            Assert.Equal(tokenB, scope.ServiceProvider.GetRequiredService<OcpiConnections>().PartnerToken(row));
        }

        var rotated = await withC.SendAsync(HttpMethod.Put, CredentialsUrl, CpoCredentials("token-b-rotated"));
        Assert.Equal(1000, rotated.StatusCode);
        var newTokenC = rotated.Envelope.GetProperty("data").GetProperty("token").GetString()!;
        Assert.NotEqual(tokenC, newTokenC);
        Assert.Equal(HttpStatusCode.Unauthorized, (await withC.SendAsync(HttpMethod.Get, "/ocpi/versions", null)).Response.StatusCode);

        using var withNewC = new OcpiPartner(Client(newTokenC));
        Assert.Equal(1000, (await withNewC.SendAsync(HttpMethod.Get, "/ocpi/versions", null)).StatusCode);

        var unregistered = await withNewC.SendAsync(HttpMethod.Delete, CredentialsUrl, null);
        Assert.Equal(1000, unregistered.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await withNewC.SendAsync(HttpMethod.Get, "/ocpi/versions", null)).Response.StatusCode);
    }

    [Fact]
    public async Task PutOrDeleteWithTokenA_Is405_AndRolesOfAnotherParty_Are2001()
    {
        var (tokenA, _) = await IssueTokenAAsync("NL", "PUT", "Nog niet aangemeld");
        using var withA = new OcpiPartner(Client(tokenA));

        var put = await withA.SendAsync(HttpMethod.Put, CredentialsUrl, CpoCredentials("b-token", partyId: "PUT"));
        var delete = await withA.SendAsync(HttpMethod.Delete, CredentialsUrl, null);
        var otherParty = await withA.SendAsync(HttpMethod.Post, CredentialsUrl, CpoCredentials("b-token", partyId: "XYZ"));
        var badUrl = CpoCredentials("b-token", partyId: "PUT");
        badUrl["url"] = "ftp://cpo.example/versions";
        var unusableUrl = await withA.SendAsync(HttpMethod.Post, CredentialsUrl, badUrl);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, put.Response.StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, delete.Response.StatusCode);
        Assert.Equal(2001, otherParty.StatusCode);
        Assert.Contains("NL*PUT", otherParty.StatusMessage, StringComparison.Ordinal);
        Assert.Equal(3001, unusableUrl.StatusCode);
        // Nothing was registered: token A still works for the real registration.
        Assert.Equal(1000, (await withA.SendAsync(HttpMethod.Post, CredentialsUrl, CpoCredentials("b-token", partyId: "PUT"))).StatusCode);
    }
}
