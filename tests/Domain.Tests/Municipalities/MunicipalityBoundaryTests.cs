using NetTopologySuite.Geometries;
using Portal.Domain.Common;
using Portal.Domain.Municipalities;

namespace Portal.Domain.Tests.Municipalities;

public sealed class MunicipalityBoundaryTests
{
    // A square of 0.1 by 0.1 degree with a square hole of 0.02 degree in the middle.
    private const string SquareWithHole =
        "POLYGON ((5.8 51.9, 6.0 51.9, 6.0 52.0, 5.8 52.0, 5.8 51.9), (5.89 51.94, 5.91 51.94, 5.91 51.96, 5.89 51.96, 5.89 51.94))";

    [Theory]
    [InlineData(51.92, 5.85, true)]     // inside
    [InlineData(51.95, 5.90, false)]    // in the hole
    [InlineData(51.95, 6.05, false)]    // east of it
    [InlineData(51.90, 5.90, true)]     // on the southern edge
    [InlineData(51.94, 5.90, true)]     // on the edge of the hole
    public void Point_IsInsideOnlyWhereTheAreaIs(double latitude, double longitude, bool expected) =>
        Assert.Equal(expected, MunicipalityBoundary.FromWkt(SquareWithHole).Contains(latitude, longitude));

    [Fact]
    public void SelfIntersectingPolygon_IsRefused() =>
        Assert.Throws<DomainRuleViolated>(() => MunicipalityBoundary.FromWkt("POLYGON ((5.8 51.9, 6.0 52.0, 6.0 51.9, 5.8 52.0, 5.8 51.9))"));

    [Fact]
    public void RdCoordinates_AreRefused() =>
        Assert.Throws<DomainRuleViolated>(() => MunicipalityBoundary.FromWkt("POLYGON ((190000 440000, 195000 440000, 195000 445000, 190000 445000, 190000 440000))"));

    [Fact]
    public void LineInsteadOfArea_IsRefused() =>
        Assert.Throws<DomainRuleViolated>(() => MunicipalityBoundary.From(new LineString([new Coordinate(5.8, 51.9), new Coordinate(6.0, 52.0)])));

    [Fact]
    public void MunicipalityWithoutBoundary_CoversEverything()
    {
        var municipality = Municipality.Register(MunicipalityCode.Parse("GM0202"), "Arnhem", DateTime.UnixEpoch);

        Assert.True(municipality.Covers(53.2, 6.5, boundary: null));
    }

    [Fact]
    public void StoredBoundary_SurvivesTheWktRoundTrip()
    {
        var municipality = Municipality.Register(MunicipalityCode.Parse("GM0202"), "Arnhem", DateTime.UnixEpoch);
        municipality.SetBoundary(MunicipalityBoundary.FromWkt(SquareWithHole));

        var restored = MunicipalityBoundary.FromWkt(municipality.BoundaryWkt!);

        Assert.False(restored.Contains(51.95, 5.90));
        Assert.True(restored.Contains(51.92, 5.85));
    }
}

public sealed class AcceptedAreaTests
{
    [Fact]
    public void BorderMunicipalityReachingPastTheNationalBox_AcceptsItsOwnLand()
    {
        // A municipality straddling 7.3 E, the eastern edge of the national box.
        var boundary = MunicipalityBoundary.FromWkt("POLYGON ((7.20 52.20, 7.35 52.20, 7.35 52.30, 7.20 52.30, 7.20 52.20))");

        var area = boundary.AcceptedArea("Grensdorp");

        Assert.Equal(7.36, area.MaxLongitude, precision: 9);
        Assert.True(area.Contains(52.25, 7.34));
        Assert.Equal(Portal.Domain.Geography.GeoArea.Netherlands.MinLongitude, area.MinLongitude);
        var onItsLand = Portal.Domain.Geography.Coordinate.FromWgs84(52.25, 7.34, area);
        Assert.Equal(7.34, onItsLand.Longitude);
        Assert.Throws<DomainRuleViolated>(() => Portal.Domain.Geography.Coordinate.FromWgs84(52.25, 7.34));
    }
}
