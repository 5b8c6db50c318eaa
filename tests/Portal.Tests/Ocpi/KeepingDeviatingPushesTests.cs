using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Integration.Ocpi.Connections;
using Portal.Integration.Ocpi.Validation;
using Portal.Tests.Admin;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Ocpi;

/// <summary>
/// Pushed objects that deviate from OCPI but mean something clear are stored with a data-quality finding on
/// a lenient connection (the default), refused with 2001 on a strict one; unusable ones are refused either way.
/// </summary>
public sealed class KeepingDeviatingPushesTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private static JsonObject Location(string party, string id, string address)
    {
        var location = OcpiPartner.Location(id, address);
        location["party_id"] = party;
        return location;
    }

    /// <summary>As the public CPO simulator sent it: 4-decimal coordinates, parking_type PUBLIC, capability REMOTE_START_STOP.</summary>
    private static JsonObject SimulatorLike(string party, string id, string address)
    {
        var location = Location(party, id, address);
        location["coordinates"] = new JsonObject { ["latitude"] = "51.9846", ["longitude"] = "5.9063" };
        location["parking_type"] = "PUBLIC";
        location["evses"]![0]!["capabilities"] = new JsonArray("REMOTE_START_STOP");
        return location;
    }

    private async Task<Guid> ConnectionAsync(string party) =>
        await app.QueryAsync(db => db.OcpiConnections.Where(c => c.PartyId == party).Select(c => c.Id).SingleAsync());

    private Task<List<DataQualityFinding>> FindingsAsync(string sourceId) =>
        app.QueryAsync(db => db.DataQualityFindings.AsNoTracking().Where(f => f.LocationSourceId == sourceId)
            .OrderBy(f => f.Rule).ThenBy(f => f.EvseUid).ToListAsync());

    private async Task MakeStrictAsync(Guid connectionId)
    {
        await using var scope = app.App.Services.CreateAsyncScope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<OcpiConnections>().SetStrictValidationAsync(connectionId, strict: true));
    }

    [Fact]
    public async Task TheSimulatorsLocation_IsStoredOnALenientConnection_WithAFindingPerObjectAndRule_AndTheCpoHearsOfIt()
    {
        using var cpo = await OcpiPartner.RegisterAsync(app, "NL", "DQP");

        var answer = await cpo.PutAsync("/ocpi/2.2.1/locations/NL/DQP/SIM-1", SimulatorLike("DQP", "SIM-1", "Simulatorstraat 1"));

        Assert.Equal(HttpStatusCode.Created, answer.Response.StatusCode);
        Assert.Equal(1000, answer.StatusCode);
        Assert.Contains("coordinates.latitude: '51.9846' does not match", answer.StatusMessage, StringComparison.Ordinal);
        Assert.Equal(2, await OcpiPartner.StatusEventCountAsync(app, "NL*DQP*SIM-1"));
        var stored = await app.QueryAsync(db => db.ChargeLocations.AsNoTracking().SingleAsync(l => l.SourceId == "NL*DQP*SIM-1"));
        Assert.Equal(51.9846, stored.Latitude, 6);
        var findings = await FindingsAsync("NL*DQP*SIM-1");
        Assert.Equal(
            [(OcpiRules.CoordinatesDecimals, "", "coordinates.latitude", "51.9846", 2),
             (OcpiRules.EnumUnknown, "", "parking_type", "PUBLIC", 1),
             (OcpiRules.EnumUnknown, "ARN-0001-1", "evses[0].capabilities[0]", "REMOTE_START_STOP", 1)],
            findings.Select(f => (f.Rule, f.EvseUid, f.Path, f.Value, f.Occurrences)));
        Assert.All(findings, f => Assert.True(f.IsOpen && f.TimesSeen == 1 && f.ConnectionId != Guid.Empty));
        Assert.Equal(3, await app.QueryAsync(db => db.OcpiLocationSnapshots.Where(s => s.LocationSourceId == "NL*DQP*SIM-1").Select(s => s.OpenFindings).SingleAsync()));
    }

    [Fact]
    public async Task TheSameFlawAgain_UpdatesItsFinding_AndTheObjectArrivingWithoutIt_ClearsIt()
    {
        using var cpo = await OcpiPartner.RegisterAsync(app, "NL", "DQR");
        var flawed = Location("DQR", "REP-1", "Herhaalstraat 1");
        flawed["parking_type"] = "PUBLIC";
        await cpo.PutAsync("/ocpi/2.2.1/locations/NL/DQR/REP-1", flawed);
        var again = flawed.DeepClone().AsObject();
        again["name"] = "Nieuwe naam";
        again["last_updated"] = "2026-03-02T10:00:00Z";

        var second = await cpo.PutAsync("/ocpi/2.2.1/locations/NL/DQR/REP-1", again);

        Assert.Equal(1000, second.StatusCode);
        var finding = Assert.Single(await FindingsAsync("NL*DQR*REP-1"));
        Assert.Equal((OcpiRules.EnumUnknown, 2, true), (finding.Rule, finding.TimesSeen, finding.IsOpen));

        var fixedUp = again.DeepClone().AsObject();
        fixedUp["parking_type"] = "ON_STREET";
        fixedUp["last_updated"] = "2026-03-03T10:00:00Z";
        var third = await cpo.PutAsync("/ocpi/2.2.1/locations/NL/DQR/REP-1", fixedUp);

        Assert.Equal((1000, ""), (third.StatusCode, third.StatusMessage));
        var cleared = Assert.Single(await FindingsAsync("NL*DQR*REP-1"));
        Assert.False(cleared.IsOpen);
        Assert.Equal(2, cleared.TimesSeen);
        Assert.Equal(0, await app.QueryAsync(db => db.OcpiLocationSnapshots.Where(s => s.LocationSourceId == "NL*DQR*REP-1").Select(s => s.OpenFindings).SingleAsync()));
    }

    [Fact]
    public async Task AnEvsePatchWithAnUnknownCapability_IsStored_WithAFindingOnThatEvse()
    {
        using var cpo = await OcpiPartner.RegisterAsync(app, "NL", "DQE");
        await cpo.PutAsync("/ocpi/2.2.1/locations/NL/DQE/EVP-1", Location("DQE", "EVP-1", "Evsestraat 1"));

        var patch = await cpo.PatchAsync("/ocpi/2.2.1/locations/NL/DQE/EVP-1/ARN-0001-2",
            new JsonObject { ["capabilities"] = new JsonArray("PLUG_AND_CHARGE"), ["status"] = "AVAILABLE", ["last_updated"] = "2026-03-02T09:00:00Z" });

        Assert.Equal(1000, patch.StatusCode);
        Assert.Equal(3, await OcpiPartner.StatusEventCountAsync(app, "NL*DQE*EVP-1"));
        var finding = Assert.Single(await FindingsAsync("NL*DQE*EVP-1"));
        Assert.Equal((OcpiRules.EnumUnknown, "ARN-0001-2", "", "evses[1].capabilities[0]", "PLUG_AND_CHARGE"),
            (finding.Rule, finding.EvseUid, finding.ConnectorId, finding.Path, finding.Value));
    }

    [Fact]
    public async Task OnAStrictConnection_TheSameDeviationsAre2001_AndNothingIsStored()
    {
        using var cpo = await OcpiPartner.RegisterAsync(app, "NL", "DQS");
        await MakeStrictAsync(await ConnectionAsync("DQS"));

        var refused = await cpo.PutAsync("/ocpi/2.2.1/locations/NL/DQS/SIM-2", SimulatorLike("DQS", "SIM-2", "Strengstraat 2"));
        var valid = await cpo.PutAsync("/ocpi/2.2.1/locations/NL/DQS/SIM-3", Location("DQS", "SIM-3", "Strengstraat 3"));

        Assert.Equal(2001, refused.StatusCode);
        Assert.Contains("parking_type: 'PUBLIC' is not an OCPI 2.2.1 ParkingType value", refused.StatusMessage, StringComparison.Ordinal);
        Assert.Contains("evses[0].capabilities[0]", refused.StatusMessage, StringComparison.Ordinal);
        Assert.Equal(1000, valid.StatusCode);
        Assert.Equal(0, await OcpiPartner.StatusEventCountAsync(app, "NL*DQS*SIM-2"));
        Assert.Equal(0, await app.QueryAsync(db => db.ChargeLocations.CountAsync(l => l.SourceId == "NL*DQS*SIM-2")));
        Assert.Empty(await FindingsAsync("NL*DQS*SIM-2"));
    }

    [Fact]
    public async Task OnAStrictConnection_AnEvsePushWithADeviation_Is2001_AndKeepsTheStoredEvse()
    {
        using var cpo = await OcpiPartner.RegisterAsync(app, "NL", "DQT");
        await cpo.PutAsync("/ocpi/2.2.1/locations/NL/DQT/EVS-1", Location("DQT", "EVS-1", "Strengstraat 4"));
        await MakeStrictAsync(await ConnectionAsync("DQT"));

        var refused = await cpo.PatchAsync("/ocpi/2.2.1/locations/NL/DQT/EVS-1/ARN-0001-2",
            new JsonObject { ["capabilities"] = new JsonArray("PLUG_AND_CHARGE"), ["last_updated"] = "2026-03-02T09:00:00Z" });

        Assert.Equal(2001, refused.StatusCode);
        Assert.Contains("capabilities[0]: 'PLUG_AND_CHARGE'", refused.StatusMessage, StringComparison.Ordinal);
        Assert.Empty(await FindingsAsync("NL*DQT*EVS-1"));
    }

    [Fact]
    public async Task AnUnusablePush_IsRefusedOnALenientConnectionToo()
    {
        using var cpo = await OcpiPartner.RegisterAsync(app, "NL", "DQU");
        var noPosition = Location("DQU", "UNU-1", "Onbruikbaar 1");
        noPosition["coordinates"] = new JsonObject { ["latitude"] = "north", ["longitude"] = "5.906310" };
        var noUid = Location("DQU", "UNU-2", "Onbruikbaar 2");
        noUid["evses"]![0]!.AsObject().Remove("uid");

        var first = await cpo.PutAsync("/ocpi/2.2.1/locations/NL/DQU/UNU-1", noPosition);
        var second = await cpo.PutAsync("/ocpi/2.2.1/locations/NL/DQU/UNU-2", noUid);

        Assert.Equal((2001, 2001), (first.StatusCode, second.StatusCode));
        Assert.Contains("coordinates.latitude", first.StatusMessage, StringComparison.Ordinal);
        Assert.Contains("evses[0].uid: is required", second.StatusMessage, StringComparison.Ordinal);
        Assert.Equal(0, await app.QueryAsync(db => db.ChargeLocations.CountAsync(l => l.SourceId.StartsWith("NL*DQU*"))));
    }
}
