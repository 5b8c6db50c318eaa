using Portal.Domain.Common;
using Portal.Domain.Geography;

namespace Portal.Domain.Tests.Geography;

public sealed class CoordinateTests
{
    // The RD origin at Amersfoort: RD (155000, 463000) is ETRS89 52.15517440 N, 5.38720621 E (RDNAPTRANS reference).
    [Fact]
    public void AmersfoortOrigin_ConvertsToRdWithinOneMetre()
    {
        var amersfoort = Coordinate.FromWgs84(52.15517440, 5.38720621);

        Assert.InRange(amersfoort.X, 155_000 - 1, 155_000 + 1);
        Assert.InRange(amersfoort.Y, 463_000 - 1, 463_000 + 1);
    }

    // ProjNet's inverse Helmert is an approximation: the round trip drifts (measured: 4.5 mm east, 10.8 mm north).
    [Fact]
    public void RdToWgs84AndBack_ReturnsWithinTwoCentimetres()
    {
        var start = Coordinate.FromRd(190_000, 444_000);

        var back = Coordinate.FromWgs84(start.Latitude, start.Longitude);

        Assert.InRange(back.X - 190_000, -0.02, 0.02);
        Assert.InRange(back.Y - 444_000, -0.02, 0.02);
    }

    [Fact]
    public void DistanceBetweenRdPoints_IsPythagoras()
    {
        var a = Coordinate.FromRd(190_000, 444_000);
        var b = Coordinate.FromRd(190_300, 444_400);

        Assert.Equal(500, a.DistanceTo(b), precision: 6);
    }

    [Theory]
    [InlineData(5.91, 51.98)]      // Arnhem with latitude and longitude swapped
    [InlineData(48.85, 2.35)]      // Paris
    public void PointOutsideTheNetherlands_IsRejectedWithAHint(double latitude, double longitude)
    {
        var error = Assert.Throws<DomainRuleViolated>(() => Coordinate.FromWgs84(latitude, longitude));

        Assert.Contains("swapped", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ConfiguredAreaBeyondTheBorder_AcceptsItsPoints()
    {
        var border = new GeoArea("Kerkrade and Herzogenrath", 50.80, 5.90, 50.95, 6.20);

        var herzogenrath = Coordinate.FromWgs84(50.87, 6.10, border);

        Assert.Equal(50.87, herzogenrath.Latitude);
    }
}
