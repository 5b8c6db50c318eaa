using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Integration.Ocpi.Connections;
using Portal.Integration.Persistence;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Ocpi;

/// <summary>
/// The node remembers which connection a token belongs to (so a stream of status pushes is not a token query
/// each); a token revoked or replaced on this node must still be refused at the very next request, and a
/// connection switched to strict must be strict at once.
/// </summary>
public sealed class RefusingRevokedTokensAtOnceTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private static readonly JsonObject Available = new() { ["status"] = "AVAILABLE", ["last_updated"] = "2026-03-02T07:30:00Z" };

    [Fact]
    public async Task ARevokedConnection_IsRefusedAtTheNextPush()
    {
        using var cpo = await OcpiPartner.RegisterAsync(app, "NL", "RVK");
        await PushedTwiceAsync(cpo, "RVK", "RVK-1");

        await using (var scope = app.App.Services.CreateAsyncScope())
        {
            var connections = scope.ServiceProvider.GetRequiredService<OcpiConnections>();
            var id = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().OcpiConnections.Where(c => c.PartyId == "RVK").Select(c => c.Id).SingleAsync();
            Assert.True(await connections.RevokeAsync(id));
        }
        var after = await cpo.PatchAsync("/ocpi/2.2.1/locations/NL/RVK/RVK-1/ARN-0001-2", Available);

        Assert.Equal(HttpStatusCode.Unauthorized, after.Response.StatusCode);
        Assert.Equal(2000, after.StatusCode);
    }

    [Fact]
    public async Task ARotatedToken_IsRefusedAtTheNextPush_AndTheNewOneWorks()
    {
        using var cpo = await OcpiPartner.RegisterAsync(app, "NL", "ROT");
        await PushedTwiceAsync(cpo, "ROT", "ROT-1");
        var rotated = await cpo.SendAsync(HttpMethod.Put, "/ocpi/2.2.1/credentials", new JsonObject
        {
            ["token"] = "token-b-rotated-0123456789",
            ["url"] = "https://cpo.example/ocpi/versions",
            ["roles"] = new JsonArray(new JsonObject { ["role"] = "CPO", ["business_details"] = new JsonObject { ["name"] = "Laadnet" }, ["party_id"] = "ROT", ["country_code"] = "NL" }),
        });
        Assert.True(rotated.StatusCode == 1000, rotated.StatusMessage);

        var withOld = await cpo.PatchAsync("/ocpi/2.2.1/locations/NL/ROT/ROT-1/ARN-0001-2", Available);
        using var renewed = app.App.CreateClient();
        renewed.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Token",
            Convert.ToBase64String(Encoding.UTF8.GetBytes(rotated.Envelope.GetProperty("data").GetProperty("token").GetString()!)));
        var withNew = await new OcpiPartner(renewed).PatchAsync("/ocpi/2.2.1/locations/NL/ROT/ROT-1/ARN-0001-2", Available);

        Assert.Equal(HttpStatusCode.Unauthorized, withOld.Response.StatusCode);
        Assert.True(withNew.StatusCode == 1000, withNew.StatusMessage);
    }

    [Fact]
    public async Task AConnectionMadeStrict_RefusesADeviationAtTheNextPush()
    {
        using var cpo = await OcpiPartner.RegisterAsync(app, "NL", "STR");
        await PushedTwiceAsync(cpo, "STR", "STR-1");
        await using (var scope = app.App.Services.CreateAsyncScope())
        {
            var id = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().OcpiConnections.Where(c => c.PartyId == "STR").Select(c => c.Id).SingleAsync();
            Assert.True(await scope.ServiceProvider.GetRequiredService<OcpiConnections>().SetStrictValidationAsync(id, strict: true));
        }
        var deviating = OcpiPartner.Location("STR-2", "Strengeweg 2");
        deviating["party_id"] = "STR";
        deviating["parking_type"] = "PUBLIC";

        var answer = await cpo.PutAsync("/ocpi/2.2.1/locations/NL/STR/STR-2", deviating);

        Assert.Equal(2001, answer.StatusCode);
    }

    /// <summary>A location PUT and two status pushes: by then the node has looked the token up and remembers it.</summary>
    private static async Task PushedTwiceAsync(OcpiPartner cpo, string party, string id)
    {
        var location = OcpiPartner.Location(id, "Tokenweg 1");
        location["party_id"] = party;
        Assert.Equal(1000, (await cpo.PutAsync($"/ocpi/2.2.1/locations/NL/{party}/{id}", location)).StatusCode);
        Assert.Equal(1000, (await cpo.PatchAsync($"/ocpi/2.2.1/locations/NL/{party}/{id}/ARN-0001-2", new JsonObject { ["status"] = "CHARGING", ["last_updated"] = "2026-03-02T07:00:00Z" })).StatusCode);
        Assert.Equal(1000, (await cpo.PatchAsync($"/ocpi/2.2.1/locations/NL/{party}/{id}/ARN-0001-2", new JsonObject { ["status"] = "BLOCKED", ["last_updated"] = "2026-03-02T07:10:00Z" })).StatusCode);
    }
}
