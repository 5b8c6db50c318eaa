using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Portal.Domain.ChargePoints;
using Portal.Domain.Common;
using Portal.Integration.Ocpi;
using Portal.Integration.Ocpi.Mapping;
using Wire = Portal.Integration.Ocpi.Contracts;

namespace Portal.Integration.Tests.Ocpi;

public sealed class MappingOcpiLocationsTests
{
    private static DateTime Utc(int y, int mo, int d, int h, int mi, int s) => new(y, mo, d, h, mi, s, DateTimeKind.Utc);

    private static JsonNode OwnLocation() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Ocpi", "Fixtures", "arnhem_location.json")))!;

    private static ChargeLocationDetails Map(JsonNode location) =>
        OcpiLocationMapping.ToDetails(location.Deserialize<Wire.Location>(OcpiJson.Options)!);

    [Fact]
    public void LocationExample_MapsToTheExpectedDetails()
    {
        var details = OcpiLocationMapping.ToDetails(OcpiExamples.Read<Wire.Location>("location_example.json"));

        // Every connector is AC_3_PHASE 220 V (line-to-neutral) 16 A without max_electric_power: 220 × 16 × 3 = 10 560 W.
        var expected = new ChargeLocationDetails(
            Source: "OCPI",
            SourceId: "BE*BEC*LOC1",
            OcpiLocationId: "LOC1",
            OperatorName: "BeCharged",
            OperatorPartyId: "BE*BEC",
            Name: "Gent Zuid",
            Address: "F.Rooseveltlaan 3A",
            PostalCode: "9000",
            City: "Gent",
            Position: new GeoPoint(51.047599, 3.729944),
            MaxPowerWatts: 10560,
            StatusWithoutEvses: LocationStatus.Unknown,
            LastUpdatedUtc: Utc(2015, 6, 29, 20, 39, 9),
            Evses: details.Evses)
        { IsPublic = true, IsPlanned = false };
        Assert.Equal(expected, details);
        Assert.Null(details.Area);

        Assert.Equal(2, details.Evses.Count);
        var first = details.Evses[0];
        Assert.Equal(
            new EvseDetails("3256", "BE*BEC*E041503001", EvseStatus.Available, 2, first.ConnectorStandards, PowerType.Ac3Phase, 10560, Utc(2015, 6, 28, 8, 12, 1)) { Connectors = first.Connectors },
            first);
        Assert.Equal(["IEC_62196_T2"], first.ConnectorStandards);
        Assert.Equal(
            [new ConnectorDetails("1", "IEC_62196_T2", ConnectorFormat.Cable, PowerType.Ac3Phase, 10560), new ConnectorDetails("2", "IEC_62196_T2", ConnectorFormat.Socket, PowerType.Ac3Phase, 10560)],
            first.Connectors);

        var second = details.Evses[1];
        Assert.Equal(("3257", "BE*BEC*E041503002", EvseStatus.Reserved, 1), (second.Uid, second.EvseId, second.Status, second.ConnectorCount));
        Assert.Equal((PowerType.Ac3Phase, 10560, Utc(2015, 6, 29, 20, 39, 9)), (second.PowerType, second.MaxPowerWatts, second.LastUpdatedUtc));
        Assert.Equal([new ConnectorDetails("1", "IEC_62196_T2", ConnectorFormat.Socket, PowerType.Ac3Phase, 10560)], second.Connectors);
    }

    [Fact]
    public void OwnFixture_TakesMaxElectricPowerOverVoltageTimesCurrent()
    {
        var details = Map(OwnLocation());

        // EVSE 1: max_electric_power 11 000 W wins over 230 × 16 × 3 = 11 040 W.
        // EVSE 2: DC CCS 500 × 125 = 62 500 W and CHAdeMO 500 × 100 = 50 000 W; the EVSE counts its strongest.
        Assert.Equal([11000, 62500], details.Evses.Select(e => e.MaxPowerWatts));
        Assert.Equal([62500, 50000], details.Evses[1].Connectors.Select(c => c.MaxPowerWatts));
        Assert.Equal(62500, details.MaxPowerWatts);
        Assert.Equal([EvseStatus.Charging, EvseStatus.OutOfOrder], details.Evses.Select(e => e.Status));
        Assert.Equal([PowerType.Ac3Phase, PowerType.Dc], details.Evses.Select(e => e.PowerType));
        Assert.Equal(["IEC_62196_T2_COMBO", "CHADEMO"], details.Evses[1].ConnectorStandards);
        Assert.Equal(("NL*LDN*ARN-0001", "LDN", "NL*LDN"), (details.SourceId, details.OperatorName, details.OperatorPartyId));
    }

    [Fact]
    public void OwnFixture_RegistersInTheDomain()
    {
        var location = ChargeLocation.Register(Guid.NewGuid(), Map(OwnLocation()), Utc(2026, 3, 2, 8, 0, 0));

        // CHARGING + OUTOFORDER: nothing free, one charging, so occupied.
        Assert.Equal(LocationStatus.Occupied, location.Status);
        Assert.Equal(62500, location.MaxPowerWatts);
        Assert.Equal(2, location.ActiveEvseCount);
        Assert.Equal(3, location.Evses.Sum(e => e.Connectors.Count));
    }

    [Fact]
    public void LowerCaseIds_GiveTheSameSourceId()
    {
        var location = OwnLocation();
        location["country_code"] = "nl";
        location["party_id"] = "ldn";
        location["id"] = "arn-0001";

        var details = Map(location);

        Assert.Equal("NL*LDN*ARN-0001", details.SourceId);
        Assert.Equal("arn-0001", details.OcpiLocationId);
    }

    [Fact]
    public void NotPublished_IsNotPublic()
    {
        var details = OcpiLocationMapping.ToDetails(OcpiExamples.Read<Wire.Location>("location_example_uc4_limited_visibility.json"));

        Assert.False(details.IsPublic);
        // No operator object: the party id stands in for the name.
        Assert.Equal("ALL", details.OperatorName);
        Assert.Equal("NL*ALL*F76C2E0C-A6EF-4F67-BF23-6A187E5CA0E0", details.SourceId);
        // AC_3_PHASE 230 V 16 A: 230 × 16 × 3 = 11 040 W.
        Assert.Equal(11040, details.MaxPowerWatts);
    }

    [Fact]
    public void OnlyPlannedEvsesBesidesRemovedOnes_IsPlanned()
    {
        var location = OwnLocation();
        location["evses"]![0]!["status"] = "PLANNED";
        location["evses"]![1]!["status"] = "REMOVED";

        Assert.True(Map(location).IsPlanned);
    }

    [Fact]
    public void PositionUnderADutchCulture_IsStillReadInvariantly()
    {
        var before = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("nl-NL");
        try
        {
            Assert.Equal(new GeoPoint(51.98456, 5.90631), Map(OwnLocation()).Position);
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Theory]
    [InlineData("AVAILABLE", EvseStatus.Available)]
    [InlineData("BLOCKED", EvseStatus.Blocked)]
    [InlineData("CHARGING", EvseStatus.Charging)]
    [InlineData("INOPERATIVE", EvseStatus.Inoperative)]
    [InlineData("OUTOFORDER", EvseStatus.OutOfOrder)]
    [InlineData("PLANNED", EvseStatus.Planned)]
    [InlineData("REMOVED", EvseStatus.Removed)]
    [InlineData("RESERVED", EvseStatus.Reserved)]
    [InlineData("UNKNOWN", EvseStatus.Unknown)]
    [InlineData("PARKED", EvseStatus.Unknown)]
    public void EvseStatus_MapsToTheDomainStatus(string status, EvseStatus expected) =>
        Assert.Equal(expected, OcpiLocationMapping.Status(status));

    [Theory]
    [InlineData("AC_1_PHASE", 230, 16, null, 3680)]
    [InlineData("AC_2_PHASE", 230, 16, null, 7360)]
    [InlineData("AC_2_PHASE_SPLIT", 120, 40, null, 9600)]
    [InlineData("AC_3_PHASE", 230, 32, null, 22080)]
    [InlineData("AC_3_PHASE", 230, 32, 17000, 17000)]
    [InlineData("DC", 920, 500, null, 460000)]
    [InlineData("WIRELESS", 230, 16, null, null)]
    public void ConnectorPower_IsWorkedOutPerPowerType(string powerType, int volts, int amperes, int? maxElectricPower, int? watts)
    {
        var connector = new Wire.Connector("1", "IEC_62196_T2", "SOCKET", powerType, volts, amperes, maxElectricPower, null, null, Utc(2026, 1, 1, 0, 0, 0));

        Assert.Equal(watts, OcpiLocationMapping.ToDetails(connector).MaxPowerWatts);
    }

    [Fact]
    public void UnreadableCoordinates_AreAFormatError()
    {
        var location = OwnLocation();
        location["coordinates"]!["latitude"] = "noord";

        Assert.Throws<FormatException>(() => Map(location));
    }
}
