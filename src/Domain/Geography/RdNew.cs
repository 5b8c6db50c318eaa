using ProjNet.CoordinateSystems;
using ProjNet.CoordinateSystems.Transformations;

namespace Portal.Domain.Geography;

/// <summary>
/// Conversion between WGS84 and the Dutch national grid, RD New (EPSG:28992), with ProjNet.
/// The datum shift is the EPSG 7-parameter Helmert transformation (Amersfoort to WGS84,
/// EPSG:15739 parameters), which is good to about a metre; RDNAPTRANS would be needed for
/// centimetres, which no rule in the portal asks for.
/// </summary>
public static class RdNew
{
    // EPSG:28992 as published by EPSG, with its TOWGS84 parameters.
    private const string Wkt =
        "PROJCS[\"Amersfoort / RD New\",GEOGCS[\"Amersfoort\",DATUM[\"Amersfoort\",SPHEROID[\"Bessel 1841\",6377397.155,299.1528128]," +
        "TOWGS84[565.417,50.3319,465.552,-0.398957,0.343988,-1.8774,4.0725]],PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433]]," +
        "PROJECTION[\"Oblique_Stereographic\"],PARAMETER[\"latitude_of_origin\",52.15616055555555],PARAMETER[\"central_meridian\",5.38763888888889]," +
        "PARAMETER[\"scale_factor\",0.9999079],PARAMETER[\"false_easting\",155000],PARAMETER[\"false_northing\",463000],UNIT[\"metre\",1]]";

    private static readonly MathTransform ToRd;
    private static readonly MathTransform ToWgs84;

    static RdNew()
    {
        var rd = (ProjectedCoordinateSystem)new CoordinateSystemFactory().CreateFromWkt(Wkt);
        var factory = new CoordinateTransformationFactory();
        ToRd = factory.CreateFromCoordinateSystems(GeographicCoordinateSystem.WGS84, rd).MathTransform;
        ToWgs84 = factory.CreateFromCoordinateSystems(rd, GeographicCoordinateSystem.WGS84).MathTransform;
    }

    /// <summary>WGS84 degrees to RD metres (x east, y north).</summary>
    public static (double X, double Y) FromWgs84(double latitude, double longitude)
    {
        double x = longitude, y = latitude;
        ToRd.Transform(ref x, ref y);
        return (x, y);
    }

    /// <summary>RD metres to WGS84 degrees.</summary>
    public static (double Latitude, double Longitude) ToWgs84Degrees(double x, double y)
    {
        double lon = x, lat = y;
        ToWgs84.Transform(ref lon, ref lat);
        return (lat, lon);
    }
}
