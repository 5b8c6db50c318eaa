using System.Net;
using System.Text.Json.Nodes;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Ocpi;

public sealed class ReceivingPushedLocationsTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private const string Locations = "/ocpi/2.2.1/locations/NL/LDN";

    [Fact]
    public async Task NewLocation_BecomesAChargeLocationOnTheList()
    {
        using var cpo = await OcpiPartner.RegisterAsync(app);

        var answer = await cpo.PutAsync($"{Locations}/RCV-1", OcpiPartner.Location("RCV-1", "Ocpiplein 1"));

        Assert.Equal(HttpStatusCode.Created, answer.Response.StatusCode);
        Assert.Equal(1000, answer.StatusCode);
        using var visitor = app.CreateClient();
        var (_, list) = await visitor.GetPageAsync("/laadpunten?zoek=Ocpiplein");
        var row = Assert.Single(list.QuerySelectorAll("tbody tr"));
        Assert.Contains("Ocpiplein 1", row.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, await OcpiPartner.StatusEventCountAsync(app, "NL*LDN*RCV-1"));
    }

    [Fact]
    public async Task SamePushTwice_ChangesNothing()
    {
        using var cpo = await OcpiPartner.RegisterAsync(app);
        var location = OcpiPartner.Location("RCV-2", "Ocpiplein 2");
        await cpo.PutAsync($"{Locations}/RCV-2", location);
        var locations = await OcpiPartner.ChargeLocationCountAsync(app);

        var again = await cpo.PutAsync($"{Locations}/RCV-2", location);

        Assert.Equal(HttpStatusCode.OK, again.Response.StatusCode);
        Assert.Equal(1000, again.StatusCode);
        Assert.Equal(locations, await OcpiPartner.ChargeLocationCountAsync(app));
        Assert.Equal(2, await OcpiPartner.StatusEventCountAsync(app, "NL*LDN*RCV-2"));
    }

    [Fact]
    public async Task OlderLastUpdated_IsIgnored()
    {
        using var cpo = await OcpiPartner.RegisterAsync(app);
        await cpo.PutAsync($"{Locations}/RCV-3", OcpiPartner.Location("RCV-3", "Ocpiplein 3"));
        var older = OcpiPartner.Location("RCV-3", "Ocpiplein 33");
        older["last_updated"] = "2026-01-01T00:00:00Z";

        var answer = await cpo.PutAsync($"{Locations}/RCV-3", older);

        Assert.Equal(1000, answer.StatusCode);
        using var visitor = app.CreateClient();
        var (_, list) = await visitor.GetPageAsync("/laadpunten?zoek=Ocpiplein 3");
        Assert.Equal("Ocpiplein 3", Assert.Single(list.QuerySelectorAll("tbody tr a")).TextContent);
    }

    [Fact]
    public async Task EvseStatusPatch_AddsOneEventAndShowsTheNewStatus()
    {
        using var cpo = await OcpiPartner.RegisterAsync(app);
        await cpo.PutAsync($"{Locations}/RCV-4", OcpiPartner.Location("RCV-4", "Ocpiplein 4"));
        var patch = new JsonObject { ["status"] = "AVAILABLE", ["last_updated"] = "2026-03-02T07:30:00Z" };

        var answer = await cpo.PatchAsync($"{Locations}/RCV-4/ARN-0001-2", patch);
        var repeated = await cpo.PatchAsync($"{Locations}/RCV-4/ARN-0001-2", patch);

        Assert.Equal(1000, answer.StatusCode);
        Assert.Equal(1000, repeated.StatusCode);
        Assert.Equal(3, await OcpiPartner.StatusEventCountAsync(app, "NL*LDN*RCV-4"));
        using var visitor = app.CreateClient();
        var (_, list) = await visitor.GetPageAsync("/laadpunten?zoek=Ocpiplein 4");
        var (_, detail) = await visitor.GetPageAsync(list.QuerySelector("tbody tr a")!.GetAttribute("href")!);
        var evse = detail.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("NL*LDN*E0001002", StringComparison.Ordinal));
        Assert.Contains("Beschikbaar", evse.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Defect", detail.QuerySelector("tbody")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConnectorPut_ReplacesTheConnectorAndRaisesItsParentsLastUpdated()
    {
        using var cpo = await OcpiPartner.RegisterAsync(app);
        await cpo.PutAsync($"{Locations}/RCV-5", OcpiPartner.Location("RCV-5", "Ocpiplein 5"));
        var connector = OcpiPartner.Location("RCV-5", "x")["evses"]![0]!["connectors"]![0]!.DeepClone();
        connector["max_electric_power"] = 22000;
        connector["last_updated"] = "2026-03-02T08:00:00Z";

        var answer = await cpo.PutAsync($"{Locations}/RCV-5/ARN-0001-1/1", connector);
        var olderLocation = OcpiPartner.Location("RCV-5", "Ocpiplein 55");
        var ignored = await cpo.PutAsync($"{Locations}/RCV-5", olderLocation);

        Assert.Equal(1000, answer.StatusCode);
        Assert.Equal(1000, ignored.StatusCode);
        using var visitor = app.CreateClient();
        var (_, list) = await visitor.GetPageAsync("/laadpunten?zoek=Ocpiplein 5");
        var row = Assert.Single(list.QuerySelectorAll("tbody tr"));
        Assert.Contains("Ocpiplein 5", row.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Ocpiplein 55", row.TextContent, StringComparison.Ordinal);
        var (_, detail) = await visitor.GetPageAsync(row.QuerySelector("a")!.GetAttribute("href")!);
        var evse = detail.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("NL*LDN*E0001001", StringComparison.Ordinal));
        Assert.Contains("22 kW", evse.TextContent, StringComparison.Ordinal);
    }
}
