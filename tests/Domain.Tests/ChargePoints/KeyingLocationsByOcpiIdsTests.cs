using Portal.Domain.ChargePoints;
using Portal.Domain.Common;

namespace Portal.Domain.Tests.ChargePoints;

public sealed class KeyingLocationsByOcpiIdsTests
{
    private static readonly DateTime Monday = new(2026, 6, 1, 8, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Arnhem = Guid.Parse("0f0e0d0c-0b0a-0908-0706-050403020100");

    private static EvseDetails Evse(string uid, EvseStatus status) =>
        new(uid, null, status, 1, ["IEC_62196_T2"], PowerType.Ac3Phase, 11_000, Monday);

    private static ChargeLocationDetails Location(string source, string? party, string? ocpiId, params EvseDetails[] evses) =>
        new(source, "ndw-1", ocpiId, "Opcharge", party, "OPL1202", "Doorwerthlaan 33", "6825EX", "Arnhem",
            new GeoPoint(51.981257, 5.971498), 11_000, LocationStatus.Unknown, Monday, evses);

    [Theory]
    [InlineData("NL*SGM", "af194d5c", "NL*SGM*AF194D5C")]
    [InlineData("nlsgm", "Loc-1", "NL*SGM*LOC-1")]
    [InlineData(" NL*SGM ", " x ", "NL*SGM*X")]
    public void PartyAndLocationId_GiveOneUpperCaseKey(string party, string id, string expected) =>
        Assert.Equal(expected, ChargeLocation.KeyOf(party, id));

    [Theory]
    [InlineData(null, "LOC1")]
    [InlineData("NL*SGM", null)]
    [InlineData("NL*SGM", " ")]
    [InlineData("SGM", "LOC1")]
    public void MissingOrMalformedIds_GiveNoKey(string? party, string? id) =>
        Assert.Null(ChargeLocation.KeyOf(party, id));

    [Fact]
    public void ImportedLocation_KeepsItsOcpiKey()
    {
        var location = ChargeLocation.Register(Arnhem, Location("NDW", "NL*SGM", "af194d5c"), Monday);

        Assert.Equal("NL*SGM*AF194D5C", location.OcpiKey);
    }

    [Fact]
    public void OcpiUpdateOfAnImportedLocation_KeepsItsSourceAndMatchesEvsesWhateverTheCase()
    {
        var location = ChargeLocation.Register(Arnhem, Location("NDW", "NL*SGM", "af194d5c", Evse("nlsgm-e1", EvseStatus.Available)), Monday);

        location.Apply(Location("OCPI", "NL*SGM", "AF194D5C", Evse("NLSGM-E1", EvseStatus.Charging)), Monday.AddHours(1));

        Assert.Equal("NDW", location.Source);
        Assert.Equal(EvseStatus.Charging, Assert.Single(location.Evses).Status);
        Assert.Equal(LocationStatus.Occupied, location.Status);
    }
}
