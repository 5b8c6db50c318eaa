using System.Globalization;
using Portal.Integration.Geocoding;

namespace Portal.Integration.Tests.Geocoding;

public sealed class LookingUpAnAddressTests
{
    [Fact]
    public async Task KnownAddress_HasItsPositionPartsAndMunicipalityCode()
    {
        await using var pdok = await FakePdokServer.StartAsync();

        var location = await pdok.CreateClient().LookupAsync(PdokFixtures.VelperwegId);

        Assert.Equal(
            new AddressLocation(PdokFixtures.VelperwegId, "Velperweg 1, 6824BA Arnhem", 51.98719044, 5.92143877,
                "6824BA", "1", "Velperweg", "Arnhem", "GM0202", "Arnhem"),
            location);
        var request = Assert.Single(pdok.Received);
        Assert.Equal(FakePdokServer.Root + "/lookup", request.Path);
        Assert.Equal(PdokFixtures.VelperwegId, request.Query["id"]);
    }

    [Fact]
    public async Task HouseLetter_IsPartOfTheHouseNumber()
    {
        await using var pdok = await FakePdokServer.StartAsync();

        var location = await pdok.CreateClient().LookupAsync(PdokFixtures.VelperwegAId);

        Assert.Equal("1A", location!.HouseNumber);
    }

    [Fact]
    public async Task Postcode_HasAPositionButNoHouseNumber()
    {
        await using var pdok = await FakePdokServer.StartAsync();

        var location = await pdok.CreateClient().LookupAsync(PdokFixtures.PostcodeId);

        Assert.NotNull(location);
        Assert.Null(location.HouseNumber);
        Assert.Equal("6824BA", location.PostalCode);
        Assert.Equal(51.98751, location.Latitude);
        Assert.Equal(5.9221, location.Longitude);
    }

    [Fact]
    public async Task DutchCulture_ReadsTheSameCoordinates()
    {
        await using var pdok = await FakePdokServer.StartAsync();
        var before = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("nl-NL");
        try
        {
            var location = await pdok.CreateClient().LookupAsync(PdokFixtures.VelperwegId);

            Assert.Equal(51.98719044, location!.Latitude);
            Assert.Equal(5.92143877, location.Longitude);
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Fact]
    public async Task UnknownId_ReturnsNull()
    {
        await using var pdok = await FakePdokServer.StartAsync();

        var location = await pdok.CreateClient().LookupAsync("adr-00000000000000000000000000000000");

        Assert.Null(location);
        Assert.Single(pdok.Received);
    }

    [Theory]
    [InlineData("")]
    [InlineData("adr-1 OR id:*")]
    [InlineData("../admin")]
    public async Task IdThatCannotBePdoks_ReturnsNullWithoutAskingTheServer(string id)
    {
        await using var pdok = await FakePdokServer.StartAsync();

        var location = await pdok.CreateClient().LookupAsync(id);

        Assert.Null(location);
        Assert.Empty(pdok.Received);
    }

    [Fact]
    public async Task CentroidThatIsNotAPoint_ThrowsGeocodingUnavailable()
    {
        await using var pdok = await FakePdokServer.StartAsync();

        await Assert.ThrowsAsync<GeocodingUnavailable>(() => pdok.CreateClient().LookupAsync(PdokFixtures.BrokenId));
    }
}
