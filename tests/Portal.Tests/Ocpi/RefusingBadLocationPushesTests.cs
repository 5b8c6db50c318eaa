using System.Net;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Ocpi;

public sealed class RefusingBadLocationPushesTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private const string Locations = "/ocpi/2.2.1/locations/NL/LDN";

    [Fact]
    public async Task BadEnum_Is2001WithThePath_AndTheNextValidObjectIsStored()
    {
        using var cpo = await OcpiPartner.RegisterAsync(app);
        var bad = OcpiPartner.Location("BAD-1", "Enumstraat 1");
        bad["evses"]![0]!["status"] = "BROKEN";

        var refused = await cpo.PutAsync($"{Locations}/BAD-1", bad);
        var valid = await cpo.PutAsync($"{Locations}/BAD-2", OcpiPartner.Location("BAD-2", "Enumstraat 2"));

        Assert.Equal(2001, refused.StatusCode);
        Assert.Contains("evses[0].status", refused.StatusMessage, StringComparison.Ordinal);
        Assert.Equal(1000, valid.StatusCode);
        Assert.Equal(0, await OcpiPartner.StatusEventCountAsync(app, "NL*LDN*BAD-1"));
        using var visitor = app.CreateClient();
        var (_, list) = await visitor.GetPageAsync("/laadpunten?zoek=Enumstraat");
        Assert.Equal("Enumstraat 2", Assert.Single(list.QuerySelectorAll("tbody tr a")).TextContent);
    }

    [Fact]
    public async Task MissingRequiredField_Is2001WithThePath()
    {
        using var cpo = await OcpiPartner.RegisterAsync(app);
        var bad = OcpiPartner.Location("BAD-3", "Foutstraat 3");
        bad.Remove("city");

        var refused = await cpo.PutAsync($"{Locations}/BAD-3", bad);

        Assert.Equal(2001, refused.StatusCode);
        Assert.Contains("city: is required", refused.StatusMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadEvsePatch_Is2001_AndKeepsTheStoredStatus()
    {
        using var cpo = await OcpiPartner.RegisterAsync(app);
        await cpo.PutAsync($"{Locations}/BAD-4", OcpiPartner.Location("BAD-4", "Foutstraat 4"));

        var refused = await cpo.PatchAsync($"{Locations}/BAD-4/ARN-0001-1", new System.Text.Json.Nodes.JsonObject { ["status"] = "charging", ["last_updated"] = "2026-03-02T09:00:00Z" });
        var withoutTime = await cpo.PatchAsync($"{Locations}/BAD-4/ARN-0001-1", new System.Text.Json.Nodes.JsonObject { ["status"] = "AVAILABLE" });

        Assert.Equal(2001, refused.StatusCode);
        Assert.Contains("status", refused.StatusMessage, StringComparison.Ordinal);
        Assert.Equal(2001, withoutTime.StatusCode);
        Assert.Contains("last_updated", withoutTime.StatusMessage, StringComparison.Ordinal);
        Assert.Equal(2, await OcpiPartner.StatusEventCountAsync(app, "NL*LDN*BAD-4"));
    }

    [Fact]
    public async Task OtherPartyInTheUrl_IsRefused()
    {
        using var cpo = await OcpiPartner.RegisterAsync(app);
        var location = OcpiPartner.Location("BAD-5", "Foutstraat 5");
        location["party_id"] = "EVB";

        var refused = await cpo.PutAsync("/ocpi/2.2.1/locations/NL/EVB/BAD-5", location);

        Assert.Equal(HttpStatusCode.NotFound, refused.Response.StatusCode);
        Assert.Equal(2001, refused.StatusCode);
        Assert.Contains("NL*EVB", refused.StatusMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BodyForAnotherLocationThanTheUrl_Is2001()
    {
        using var cpo = await OcpiPartner.RegisterAsync(app);

        var refused = await cpo.PutAsync($"{Locations}/BAD-6", OcpiPartner.Location("BAD-7", "Foutstraat 6"));

        Assert.Equal(2001, refused.StatusCode);
        Assert.Contains("id:", refused.StatusMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LocationOutsideEveryMunicipality_Is2001()
    {
        using var cpo = await OcpiPartner.RegisterAsync(app);
        var amsterdam = OcpiPartner.Location("BAD-8", "Damrak 1");
        amsterdam["coordinates"] = new System.Text.Json.Nodes.JsonObject { ["latitude"] = "52.373100", ["longitude"] = "4.892200" };

        var refused = await cpo.PutAsync($"{Locations}/BAD-8", amsterdam);

        Assert.Equal(2001, refused.StatusCode);
        Assert.Contains("outside every municipality", refused.StatusMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvseForAnUnknownLocation_Is2003()
    {
        using var cpo = await OcpiPartner.RegisterAsync(app);
        var evse = OcpiPartner.Location("BAD-9", "x")["evses"]![0]!.DeepClone();

        var refused = await cpo.PutAsync($"{Locations}/BAD-9/ARN-0001-1", evse);

        Assert.Equal(2003, refused.StatusCode);
    }

    [Fact]
    public async Task BodyThatIsNotJson_Is400WithAnEnvelope()
    {
        using var cpo = await OcpiPartner.RegisterAsync(app);
        using var content = new StringContent("{not json", System.Text.Encoding.UTF8, "application/json");

        var answer = await OcpiAnswer.ReadAsync(await cpo.Http.PutAsync($"{Locations}/BAD-10", content));

        Assert.Equal(HttpStatusCode.BadRequest, answer.Response.StatusCode);
        Assert.Equal(2001, answer.StatusCode);
    }
}
