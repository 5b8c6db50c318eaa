using System.Text.Json;
using System.Text.Json.Nodes;
using Portal.Integration.Ocpi;
using Portal.Integration.Ocpi.Contracts;
using Portal.Integration.Ocpi.Validation;

namespace Portal.Tests.Ocpi;

/// <summary>The validator's severity split: what makes an object unusable, and what is a deviation to store and record.</summary>
public sealed class TellingUnusableFromDeviatingTests
{
    private static JsonNode OwnLocation() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Ocpi", "Fixtures", "arnhem_location.json")))!;

    private static Location Read(JsonNode location) => location.Deserialize<Location>(OcpiJson.Options)!;

    private static OcpiValidation Check(JsonNode location) => OcpiValidator.CheckLocation(Read(location));

    private static (string Rule, OcpiSeverity Severity, string Path, string? Value) Summary(OcpiFinding f) => (f.Rule, f.Severity, f.Path, f.Value);

    [Fact]
    public void AValidLocation_GivesTheSharedEmptyResult()
    {
        var validation = Check(OwnLocation());

        Assert.Same(OcpiValidation.Valid, validation);
        Assert.False(validation.Refuses(strict: true));
    }

    [Fact]
    public void TheCpoSimulatorsLocation_FourDecimalsPublicAndRemoteStartStop_HasThreeDeviations_AndNothingUnusable()
    {
        var location = OwnLocation();
        location["coordinates"]!["latitude"] = "17.4435";
        location["parking_type"] = "PUBLIC";
        location["evses"]![0]!["capabilities"] = new JsonArray("REMOTE_START_STOP", "RFID_READER");

        var validation = Check(location);

        Assert.Equal(
            [(OcpiRules.CoordinatesDecimals, OcpiSeverity.Deviation, "coordinates.latitude", "17.4435"),
             (OcpiRules.EnumUnknown, OcpiSeverity.Deviation, "parking_type", "PUBLIC"),
             (OcpiRules.EnumUnknown, OcpiSeverity.Deviation, "evses[0].capabilities[0]", "REMOTE_START_STOP")],
            validation.Findings.Select(Summary));
        Assert.False(validation.Refuses(strict: false));
        Assert.True(validation.Refuses(strict: true));
        Assert.Equal(3, validation.Reasons(strict: true).Count);
        Assert.Empty(validation.Reasons(strict: false));
    }

    [Theory]
    [InlineData("51.98", OcpiRules.CoordinatesDecimals, OcpiSeverity.Deviation)]
    [InlineData("51.98456012", OcpiRules.CoordinatesDecimals, OcpiSeverity.Deviation)]
    [InlineData("+51.984560", OcpiRules.CoordinatesFormat, OcpiSeverity.Deviation)]
    [InlineData("51,984560", OcpiRules.CoordinatesInvalid, OcpiSeverity.Unusable)]
    [InlineData("151.984560", OcpiRules.CoordinatesInvalid, OcpiSeverity.Unusable)]
    [InlineData("NaN", OcpiRules.CoordinatesInvalid, OcpiSeverity.Unusable)]
    public void TheLocationsLatitude_IsADeviationWhenItIsANumberInRange_AndUnusableOtherwise(string latitude, string rule, OcpiSeverity severity)
    {
        var location = OwnLocation();
        location["coordinates"]!["latitude"] = latitude;

        Assert.Equal([(rule, severity, "coordinates.latitude", latitude)], Check(location).Findings.Select(Summary));
    }

    [Fact]
    public void AnEvsesOwnUnreadableCoordinates_AreOnlyADeviation_TheLocationsPositionIsWhatCounts()
    {
        var location = OwnLocation();
        location["evses"]![1]!["coordinates"] = new JsonObject { ["latitude"] = "north", ["longitude"] = "5.906310" };

        Assert.Equal([(OcpiRules.CoordinatesInvalid, OcpiSeverity.Deviation, "evses[1].coordinates.latitude", "north")], Check(location).Findings.Select(Summary));
    }

    [Fact]
    public void MissingCoordinates_AreUnusable()
    {
        var location = OwnLocation();
        location.AsObject().Remove("coordinates");

        Assert.Equal([(OcpiRules.CoordinatesInvalid, OcpiSeverity.Unusable, "coordinates", (string?)null)], Check(location).Findings.Select(Summary));
    }

    [Fact]
    public void KeysStatusAndLastUpdated_AreUnusable()
    {
        var location = OwnLocation();
        location["party_id"] = "LD";
        location["evses"]![0]!["status"] = "BROKEN";
        location["evses"]![1]!.AsObject().Remove("uid");
        location["evses"]![1]!["connectors"]![1]!.AsObject().Remove("id");
        location["evses"]![0]!["connectors"]![0]!.AsObject().Remove("last_updated");

        var validation = Check(location);

        Assert.Equal(
            [(OcpiRules.KeyInvalid, OcpiSeverity.Unusable, "party_id", "LD"),
             (OcpiRules.StatusUnknown, OcpiSeverity.Unusable, "evses[0].status", "BROKEN"),
             (OcpiRules.LastUpdatedMissing, OcpiSeverity.Unusable, "evses[0].connectors[0].last_updated", (string?)null),
             (OcpiRules.KeyInvalid, OcpiSeverity.Unusable, "evses[1].uid", (string?)null),
             (OcpiRules.KeyInvalid, OcpiSeverity.Unusable, "evses[1].connectors[1].id", (string?)null)],
            validation.Findings.Select(Summary));
        Assert.True(validation.Refuses(strict: false));
    }

    [Fact]
    public void WhatTheRegisterNeeds_AddressCityAndConnectorStandard_IsUnusableWhenMissing_ButAnUnknownStandardIsADeviation()
    {
        var location = OwnLocation();
        location.AsObject().Remove("address");
        location["evses"]![1]!["connectors"]![0]!.AsObject().Remove("standard");
        location["evses"]![1]!["connectors"]![1]!["standard"] = "TYPE_2";

        Assert.Equal(
            [(OcpiRules.FieldNeeded, OcpiSeverity.Unusable, "address", (string?)null),
             (OcpiRules.FieldNeeded, OcpiSeverity.Unusable, "evses[1].connectors[0].standard", null),
             (OcpiRules.EnumUnknown, OcpiSeverity.Deviation, "evses[1].connectors[1].standard", "TYPE_2")],
            Check(location).Findings.Select(Summary));
    }

    [Fact]
    public void ALongName_IsADeviation_WithTheValueTruncatedTo100Characters()
    {
        var location = OwnLocation();
        var name = new string('n', 300);
        location["name"] = name;

        var finding = Assert.Single(Check(location).Findings);

        Assert.Equal((OcpiRules.StringTooLong, OcpiSeverity.Deviation, "name", name[..100]), Summary(finding));
        Assert.Equal("is longer than 255 characters", finding.Message);
    }

    [Fact]
    public void SpecRequiredFieldsThePortalCanDoWithout_AreDeviations()
    {
        var location = OwnLocation();
        location.AsObject().Remove("publish");
        location.AsObject().Remove("time_zone");
        location["evses"]![0]!["connectors"]![0]!["format"] = "PLUG";
        location["evses"]![0]!["connectors"]![0]!["max_voltage"] = 0;
        location["evses"]![1]!["connectors"]![0]!.AsObject().Remove("power_type");

        var validation = Check(location);

        Assert.Equal(
            [(OcpiRules.RequiredMissing, OcpiSeverity.Deviation, "publish", (string?)null),
             (OcpiRules.EnumUnknown, OcpiSeverity.Deviation, "evses[0].connectors[0].format", "PLUG"),
             (OcpiRules.NumberOutOfRange, OcpiSeverity.Deviation, "evses[0].connectors[0].max_voltage", "0"),
             (OcpiRules.RequiredMissing, OcpiSeverity.Deviation, "evses[1].connectors[0].power_type", null),
             (OcpiRules.RequiredMissing, OcpiSeverity.Deviation, "time_zone", null)],
            validation.Findings.Select(Summary));
        Assert.False(validation.HasUnusable);
    }

    [Fact]
    public void Deviations_AreGroupedPerObjectAndRule_TheEvseAndConnectorNamedByTheirIds()
    {
        var location = OwnLocation();
        location["parking_type"] = "PUBLIC";
        location["evses"]![0]!["capabilities"] = new JsonArray("REMOTE_START_STOP", "TOKEN_READER");
        location["evses"]![1]!["connectors"]![1]!["format"] = "PLUG";
        var read = Read(location);

        var flaws = ObjectFlaw.Of(read, OcpiValidator.CheckLocation(read).Deviations);

        Assert.Equal(
            [new ObjectFlaw("", "", OcpiRules.EnumUnknown, "parking_type", "PUBLIC", 1),
             new ObjectFlaw("ARN-0001-1", "", OcpiRules.EnumUnknown, "evses[0].capabilities[0]", "REMOTE_START_STOP", 2),
             new ObjectFlaw("ARN-0001-2", "2", OcpiRules.EnumUnknown, "evses[1].connectors[1].format", "PLUG", 1)],
            flaws);
    }

    [Fact]
    public void APartOnItsOwn_IsCheckedWithTheSameSeverities()
    {
        var connector = new Connector("1", "IEC_62196_T2", "PLUG", "AC_3_PHASE", 230, 32, null, ["T1"], null, null);

        Assert.Equal(
            [(OcpiRules.EnumUnknown, OcpiSeverity.Deviation, "format", "PLUG"), (OcpiRules.LastUpdatedMissing, OcpiSeverity.Unusable, "last_updated", (string?)null)],
            OcpiValidator.CheckConnector(connector).Findings.Select(Summary));
    }
}
