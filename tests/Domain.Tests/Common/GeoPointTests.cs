using Portal.Domain.Common;

namespace Portal.Domain.Tests.Common;

public sealed class GeoPointTests
{
    [Theory]
    [InlineData(51.98, 5.91)]
    [InlineData(-90, -180)]
    [InlineData(90, 180)]
    public void PositionsOnEarth_AreAccepted(double lat, double lon)
    {
        var point = new GeoPoint(lat, lon);

        Assert.Equal(lat, point.Latitude);
        Assert.Equal(lon, point.Longitude);
    }

    [Theory]
    [InlineData(90.0001, 5)]
    [InlineData(-91, 5)]
    [InlineData(52, 180.5)]
    [InlineData(double.NaN, 5)]
    [InlineData(52, double.NaN)]
    public void PositionsOffTheGlobe_AreRejected(double lat, double lon) =>
        Assert.Throws<DomainRuleViolated>(() => new GeoPoint(lat, lon));
}
