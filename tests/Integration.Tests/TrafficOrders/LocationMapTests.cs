using PdfSharp.Drawing;
using Portal.Domain.TrafficOrders;
using Portal.Domain.TrafficOrders.OrderTexts;
using Portal.Integration.TrafficOrders;

namespace Portal.Integration.Tests.TrafficOrders;

/// <summary>The arithmetic of the drawn map of an order's locations, with expectations worked out by hand.</summary>
public sealed class LocationMapTests
{
    private static OrderDocumentLocation At(double rdX, double rdY) =>
        new(1, Guid.NewGuid(), "Straat", null, rdX, rdY, 52, 5.9, 2, "E04", SignBoard.E4, PlannedSign.ChargingSubSign, null, null, SignPlacement.Planned);

    [Theory]
    [InlineData(9_200, 2_000)]   // a quarter is 2,300 m: 2 × 1,000
    [InlineData(3_000, 500)]     // 750 m: 5 × 100
    [InlineData(400, 100)]       // 100 m: 1 × 100
    [InlineData(300, 50)]        // 75 m: 5 × 10
    public void TheScaleBar_IsOneTwoOrFiveTimesAPowerOfTen_NearAQuarterOfTheWidth(double widthMetres, double expected) =>
        Assert.Equal(expected, LocationMap.ScaleBarMetres(widthMetres));

    [Fact]
    public void OneLocation_IsDrawnInTheMiddle_OfAtLeastThreeHundredMetres()
    {
        var projection = LocationMap.Fit([At(190_000, 444_000)], new XRect(50, 100, 400, 400));

        Assert.Equal(400.0 / 300, projection.PointsPerMetre, 9);
        var centre = projection.ToPage(190_000, 444_000);
        Assert.Equal((250.0, 300.0), (Math.Round(centre.X, 6), Math.Round(centre.Y, 6)));
    }

    [Fact]
    public void North_IsUp_AndEastIsRight_AtOneScaleForBothAxes()
    {
        // 2,000 m east-west and 1,000 m north-south: the extent is 2,000 × 1.15 = 2,300 m over 460 points, 0.2 point a metre.
        var projection = LocationMap.Fit([At(190_000, 444_000), At(192_000, 445_000)], new XRect(0, 0, 460, 460));

        Assert.Equal(0.2, projection.PointsPerMetre, 9);
        var southWest = projection.ToPage(190_000, 444_000);
        var northEast = projection.ToPage(192_000, 445_000);
        Assert.Equal(400, northEast.X - southWest.X, 6);    // 2,000 m east
        Assert.Equal(-200, northEast.Y - southWest.Y, 6);   // 1,000 m north is up the page
        Assert.Equal(30, southWest.X, 6);                    // centred: (460 - 400) / 2
    }
}
