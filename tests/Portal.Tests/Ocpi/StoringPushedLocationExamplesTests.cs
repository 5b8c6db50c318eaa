using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Integration.Ocpi.Receiving;
using Portal.Integration.Persistence;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Ocpi;

/// <summary>
/// The official example Locations, pushed by their own party, stored field for field. They lie in
/// Belgium, Sweden and Germany, so each first gets a test municipality whose boundary covers it.
/// </summary>
public sealed class StoringPushedLocationExamplesTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    [Theory]
    // Power worked by hand: AC_3_PHASE 220 V × 16 A × 3 phases; AC_3_PHASE 230 V × 32 A × 3; AC_1_PHASE 230 V × 8 A.
    [InlineData("location_example.json", "GM9901", 10_560)]
    [InlineData("location_example_parking_garage_opening_hours.json", "GM9902", 22_080)]
    [InlineData("location_example_uc5_home_charge_point.json", "GM9903", 1_840)]
    public async Task OfficialExample_PushedIntoAMunicipalityThatCoversIt_IsStoredFieldForField(string file, string municipalityCode, int maxPowerWatts)
    {
        var example = JsonNode.Parse(OcpiExamples.Text(file))!.AsObject();
        var (countryCode, partyId, id) = (Text(example, "country_code")!, Text(example, "party_id")!, Text(example, "id")!);
        var latitude = Degrees(example["coordinates"]!["latitude"]);
        var longitude = Degrees(example["coordinates"]!["longitude"]);
        var municipalityId = await MunicipalityAroundAsync(municipalityCode, latitude, longitude);
        using var cpo = await OcpiPartner.RegisterAsync(app, countryCode, partyId);

        var answer = await cpo.PutAsync($"/ocpi/2.2.1/locations/{countryCode}/{partyId}/{id}", example);

        Assert.True(answer.StatusCode == 1000, answer.StatusMessage);
        Assert.Equal(HttpStatusCode.Created, answer.Response.StatusCode);
        var sourceId = $"{countryCode}*{partyId}*{id}".ToUpperInvariant();
        var stored = await QueryAsync(db => db.ChargeLocations.AsNoTracking().Include(l => l.Evses).ThenInclude(e => e.Connectors).SingleAsync(l => l.SourceId == sourceId));
        Assert.Equal(municipalityId, stored.MunicipalityId);
        Assert.Equal(("OCPI", id, $"{countryCode}*{partyId}"), (stored.Source, stored.OcpiLocationId, stored.OperatorPartyId));
        Assert.Equal(Text(example["operator"], "name") ?? partyId, stored.OperatorName);
        Assert.Equal(Text(example, "name") ?? "", stored.Name);
        Assert.Equal((Text(example, "address"), Text(example, "postal_code"), Text(example, "city")), (stored.Address, stored.PostalCode, stored.City));
        Assert.Equal((latitude, longitude), (stored.Latitude, stored.Longitude));
        Assert.Equal(example["publish"]!.GetValue<bool>(), stored.IsPublic);
        Assert.Equal(Utc(example["last_updated"]), stored.LastUpdatedUtc);

        var evses = example["evses"]!.AsArray().Select(e => e!.AsObject()).ToList();
        Assert.Equal(evses.Select(e => Text(e, "uid")).Order(StringComparer.Ordinal), stored.Evses.Select(e => e.Uid).Order(StringComparer.Ordinal));
        foreach (var evse in evses)
        {
            var row = stored.Evses.Single(e => e.Uid == Text(evse, "uid"));
            var connectors = evse["connectors"]!.AsArray().Select(c => c!.AsObject()).ToList();
            Assert.Equal(Text(evse, "evse_id"), row.EvseId);
            Assert.Equal(Text(evse, "status"), Upper(row.Status));
            Assert.Equal(Utc(evse["last_updated"]), row.LastUpdatedUtc);
            Assert.Equal(connectors.Count, row.ConnectorCount);
            Assert.Equal(string.Join(';', connectors.Select(c => Text(c, "standard")).Distinct(StringComparer.Ordinal)), row.ConnectorStandards);
            Assert.Equal(connectors.Max(Watts), row.MaxPowerWatts);
            Assert.Equal(Text(connectors.MaxBy(Watts), "power_type")!.Replace("_", "", StringComparison.Ordinal), Upper(row.PowerType));
            Assert.Equal(connectors.Select(c => Text(c, "id")).Order(StringComparer.Ordinal), row.Connectors.Select(c => c.ConnectorId).Order(StringComparer.Ordinal));
            foreach (var connector in connectors)
            {
                var storedConnector = row.Connectors.Single(c => c.ConnectorId == Text(connector, "id"));
                Assert.Equal(Text(connector, "standard"), storedConnector.Standard);
                Assert.Equal(Text(connector, "format"), Upper(storedConnector.Format));
                Assert.Equal(Text(connector, "power_type")!.Replace("_", "", StringComparison.Ordinal), Upper(storedConnector.PowerType));
                Assert.Equal(Watts(connector), storedConnector.MaxPowerWatts);
            }
        }
        Assert.Equal(evses.Max(e => e["connectors"]!.AsArray().Max(c => Watts(c!.AsObject()))), stored.MaxPowerWatts);
        Assert.Equal(maxPowerWatts, stored.MaxPowerWatts);

        // One status event per EVSE: the status as sent, when the EVSE says it happened, and the EVSE object itself
        // (its version, stored once, with the event's status and time).
        var events = await QueryAsync(db => db.EvseStatusEvents.AsNoTracking().Where(e => e.LocationSourceId == sourceId).ToListAsync());
        var versions = await QueryAsync(db => db.OcpiEvseVersions.AsNoTracking().ToDictionaryAsync(v => v.Hash, v => v.RawJson));
        Assert.Equal(evses.Count, events.Count);
        foreach (var evse in evses)
        {
            var observed = events.Single(e => e.EvseUid == Text(evse, "uid"));
            Assert.Equal((Text(evse, "status"), Utc(evse["last_updated"]), EvseStatusSource.Push), (observed.Status, observed.OccurredAtUtc, observed.Source));
            var rebuilt = OcpiEvseVersion.Observed(versions[observed.EvseVersionHash], observed.Status, observed.OccurredAtUtc);
            Assert.Equal(Utc(evse["last_updated"]), Utc(rebuilt["last_updated"]));
            rebuilt["last_updated"] = evse["last_updated"]!.DeepClone();
            Assert.True(JsonNode.DeepEquals(evse, rebuilt), rebuilt.ToJsonString());
        }
    }

    /// <summary>OCPI: max_electric_power when given, otherwise V × A per phase (max_voltage is line-to-neutral).</summary>
    private static int? Watts(JsonObject connector)
    {
        if (connector["max_electric_power"] is { } power)
            return power.GetValue<int>();
        var phases = Text(connector, "power_type") switch
        {
            "AC_1_PHASE" or "DC" => 1,
            "AC_2_PHASE" or "AC_2_PHASE_SPLIT" => 2,
            "AC_3_PHASE" => 3,
            _ => 0,
        };
        return connector["max_voltage"]!.GetValue<int>() * connector["max_amperage"]!.GetValue<int>() * phases;
    }

    /// <summary>Our enum names are OCPI's values without underscores (OutOfOrder ↔ OUTOFORDER, Ac3Phase ↔ AC_3_PHASE).</summary>
    private static string Upper<T>(T value) where T : struct, Enum => value.ToString().ToUpperInvariant();

    private static string? Text(JsonNode? node, string name) => node?[name]?.GetValue<string>();

    private static double Degrees(JsonNode? node) => double.Parse(node!.GetValue<string>(), CultureInfo.InvariantCulture);

    private static DateTime Utc(JsonNode? node) =>
        DateTime.Parse(node!.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    /// <summary>A new municipality whose boundary is a small rectangle around the point, set as the administrator does.</summary>
    private async Task<Guid> MunicipalityAroundAsync(string code, double latitude, double longitude)
    {
        var id = await app.RegisterMunicipalityAsync(code, $"Proefgemeente {code}");
        string Corner(double dLat, double dLon) =>
            string.Create(CultureInfo.InvariantCulture, $"[{longitude + dLon}, {latitude + dLat}]");
        var rectangle = $$"""{"type": "Polygon", "coordinates": [[{{Corner(-0.01, -0.01)}}, {{Corner(-0.01, 0.01)}}, {{Corner(0.01, 0.01)}}, {{Corner(0.01, -0.01)}}, {{Corner(-0.01, -0.01)}}]]}""";
        using var scope = app.App.Services.CreateScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<Portal.Features.Admin.TenantAdministration>()
            .SetBoundaryAsync(id, new MemoryStream(Encoding.UTF8.GetBytes(rectangle))));
        return id;
    }

    private async Task<T> QueryAsync<T>(Func<PortalDbContext, Task<T>> query)
    {
        using var scope = app.App.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }
}
