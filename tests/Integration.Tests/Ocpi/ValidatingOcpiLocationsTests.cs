using System.Text.Json;
using System.Text.Json.Nodes;
using Portal.Integration.Ocpi;
using Portal.Integration.Ocpi.Contracts;
using Portal.Integration.Ocpi.Validation;

namespace Portal.Integration.Tests.Ocpi;

public sealed class ValidatingOcpiLocationsTests
{
    private static JsonNode OwnLocation() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Ocpi", "Fixtures", "arnhem_location.json")))!;

    private static IReadOnlyList<OcpiProblem> Validate(JsonNode location) =>
        OcpiValidator.ValidateLocation(location.Deserialize<Location>(OcpiJson.Options)!);

    [Theory]
    [InlineData("location_example.json")]
    [InlineData("location_example_uc2_destination_charger.json")]
    [InlineData("location_example_uc3_destination_charger_not_published.json")]
    [InlineData("location_example_uc4_limited_visibility.json")]
    [InlineData("location_example_uc5_home_charge_point.json")]
    [InlineData("location_example_parking_garage_opening_hours.json")]
    public void OfficialLocationExample_IsValid(string file) =>
        Assert.Empty(OcpiValidator.ValidateLocation(OcpiExamples.Read<Location>(file)));

    [Fact]
    public void OwnFixture_IsValid() => Assert.Empty(Validate(OwnLocation()));

    [Fact]
    public void UnknownConnectorStandard_IsReportedAtItsPath()
    {
        var location = OwnLocation();
        location["evses"]![1]!["connectors"]![0]!["standard"] = "TYPE_2";

        Assert.Equal([new OcpiProblem("evses[1].connectors[0].standard", "'TYPE_2' is not an OCPI 2.2.1 ConnectorType value")], Validate(location));
    }

    [Fact]
    public void EnumValueInTheWrongCase_IsReported()
    {
        var location = OwnLocation();
        location["evses"]![0]!["status"] = "available";
        location["parking_type"] = "STREET";

        Assert.Equal(
            [new OcpiProblem("parking_type", "'STREET' is not an OCPI 2.2.1 ParkingType value"), new OcpiProblem("evses[0].status", "'available' is not an OCPI 2.2.1 Status value")],
            Validate(location));
    }

    [Fact]
    public void MissingRequiredFields_AreEachReported()
    {
        var location = OwnLocation();
        location.AsObject().Remove("city");
        location.AsObject().Remove("publish");
        location["evses"]![0]!["connectors"]![0]!.AsObject().Remove("max_amperage");
        location["evses"]![1]!.AsObject().Remove("last_updated");

        Assert.Equal(
            [new OcpiProblem("publish", "is required"), new OcpiProblem("city", "is required"),
             new OcpiProblem("evses[0].connectors[0].max_amperage", "is required"), new OcpiProblem("evses[1].last_updated", "is required")],
            Validate(location));
    }

    [Fact]
    public void IdLongerThan36_IsReported()
    {
        var location = OwnLocation();
        location["id"] = new string('x', 37);
        location["evses"]![1]!["uid"] = new string('u', 36);

        Assert.Equal([new OcpiProblem("id", "is longer than 36 characters")], Validate(location));
    }

    [Fact]
    public void PartyIdAndCountryCodeOfTheWrongLength_AreReported()
    {
        var location = OwnLocation();
        location["country_code"] = "NLD";
        location["party_id"] = "LD";

        Assert.Equal(
            [new OcpiProblem("country_code", "must be exactly 2 characters"), new OcpiProblem("party_id", "must be exactly 3 characters")],
            Validate(location));
    }

    [Theory]
    [InlineData("51.98", "latitude")]
    [InlineData("51,984560", "latitude")]
    [InlineData("151.984560", "latitude")]
    [InlineData("5.90631012", "longitude")]
    public void CoordinateNotInTheSpecsFormat_IsReported(string value, string field)
    {
        var location = OwnLocation();
        location["coordinates"]![field] = value;
        var pattern = field == "latitude" ? @"^-?[0-9]{1,2}\.[0-9]{5,7}$" : @"^-?[0-9]{1,3}\.[0-9]{5,7}$";

        Assert.Equal([new OcpiProblem($"coordinates.{field}", $"'{value}' does not match {pattern}")], Validate(location));
    }

    [Fact]
    public void EvseWithoutConnectors_IsReported()
    {
        var location = OwnLocation();
        location["evses"]![0]!["connectors"] = new JsonArray();

        Assert.Equal([new OcpiProblem("evses[0].connectors", "needs at least one connector")], Validate(location));
    }

    [Fact]
    public void OfficialEvsePutExample_LacksTheConnectorsRequiredFields()
    {
        var evse = OcpiExamples.Read<Evse>("location_put_example_add_evse.json");

        Assert.Equal(
            [new OcpiProblem("connectors[0].power_type", "is required"), new OcpiProblem("connectors[0].max_voltage", "is required"),
             new OcpiProblem("connectors[0].max_amperage", "is required"), new OcpiProblem("connectors[0].last_updated", "is required")],
            OcpiValidator.ValidateEvse(evse));
    }

    [Fact]
    public void ConnectorOnItsOwn_IsReportedWithoutAPrefix()
    {
        var connector = new Connector("1", "IEC_62196_T2", "PLUG", "AC_3_PHASE", 230, 32, null, ["T1"], null, new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc));

        Assert.Equal([new OcpiProblem("format", "'PLUG' is not an OCPI 2.2.1 ConnectorFormat value")], OcpiValidator.ValidateConnector(connector));
    }

    [Fact]
    public void PublishAllowedToWithoutAnIdentifier_IsReported()
    {
        var location = OwnLocation();
        location["publish"] = false;
        location["publish_allowed_to"] = new JsonArray(new JsonObject { ["issuer"] = "ANWB" });

        Assert.Equal([new OcpiProblem("publish_allowed_to[0]", "needs uid, visual_number or group_id")], Validate(location));
    }

    [Fact]
    public void RegularHoursOutOfRange_AreReported()
    {
        var location = OwnLocation();
        location["opening_times"] = JsonNode.Parse("""{"twentyfourseven":false,"regular_hours":[{"weekday":8,"period_begin":"18:00","period_end":"7:00"}]}""");

        Assert.Equal(
            [new OcpiProblem("opening_times.regular_hours[0].weekday", "must be 1 (Monday) to 7 (Sunday)"),
             new OcpiProblem("opening_times.regular_hours[0].period_end", "'7:00' does not match ^([01][0-9]|2[0-3]):[0-5][0-9]$")],
            Validate(location));
    }
}
