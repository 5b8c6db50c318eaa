using System.Globalization;
using Portal.Domain.Common;

namespace Portal.Domain.Geography;

/// <summary>
/// A position in the Netherlands, held both as WGS84 degrees (what maps and OCPI use) and as RD
/// New metres (what distance rules use: within the country, Euclidean distance on RD is exact
/// to well under a metre per kilometre).
/// </summary>
public readonly record struct Coordinate
{
    private Coordinate(double latitude, double longitude, double x, double y)
    {
        Latitude = latitude;
        Longitude = longitude;
        X = x;
        Y = y;
    }

    public double Latitude { get; }
    public double Longitude { get; }

    /// <summary>RD New easting in metres.</summary>
    public double X { get; }

    /// <summary>RD New northing in metres.</summary>
    public double Y { get; }

    /// <summary>A WGS84 position inside <paramref name="area"/> (the Netherlands unless a municipality configures its own).</summary>
    public static Coordinate FromWgs84(double latitude, double longitude, GeoArea? area = null)
    {
        var point = new GeoPoint(latitude, longitude);
        var within = area ?? GeoArea.Netherlands;
        if (!within.Contains(point.Latitude, point.Longitude))
            throw new DomainRuleViolated(DomainRule.PointOutsideArea, string.Create(CultureInfo.InvariantCulture,
                $"The point {latitude:0.######}, {longitude:0.######} lies outside {within.Name}; check that latitude and longitude are not swapped."), latitude, longitude, within.Name);
        var (x, y) = RdNew.FromWgs84(point.Latitude, point.Longitude);
        return new Coordinate(point.Latitude, point.Longitude, x, y);
    }

    /// <summary>An RD New position in metres.</summary>
    public static Coordinate FromRd(double x, double y, GeoArea? area = null)
    {
        var (latitude, longitude) = RdNew.ToWgs84Degrees(x, y);
        var converted = FromWgs84(latitude, longitude, area);
        // Keep the RD values as given: converting back and forth would move them by millimetres.
        return new Coordinate(converted.Latitude, converted.Longitude, x, y);
    }

    /// <summary>Rebuilds a coordinate from values this code stored earlier (both systems), without converting again.</summary>
    public static Coordinate FromStored(double latitude, double longitude, double x, double y) => new(latitude, longitude, x, y);

    /// <summary>Straight-line distance in metres.</summary>
    public double DistanceTo(Coordinate other) => DistanceToRd(other.X, other.Y);

    /// <summary>Straight-line distance in metres to an RD position, e.g. one read straight from the database.</summary>
    public double DistanceToRd(double x, double y)
    {
        var dx = X - x;
        var dy = Y - y;
        return Math.Sqrt((dx * dx) + (dy * dy));
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Latitude:0.######}, {Longitude:0.######}");
}
