using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.IO;
using Portal.Domain.Common;

namespace Portal.Domain.Municipalities;

/// <summary>
/// The area of a municipality as a WGS84 (Multi)Polygon, stored as WKT. Answers "is this point in
/// the municipality?" with a prepared geometry, so repeated checks during an import stay cheap.
/// </summary>
public sealed class MunicipalityBoundary
{
    private static readonly WKTReader Reader = new();
    private readonly IPreparedGeometry _prepared;

    private MunicipalityBoundary(Geometry area)
    {
        Area = area;
        _prepared = PreparedGeometryFactory.Prepare(area);
    }

    public Geometry Area { get; }

    public string Wkt => Area.AsText();

    public static MunicipalityBoundary From(Geometry area)
    {
        if (area is not (Polygon or MultiPolygon))
            throw new DomainRuleViolated(DomainRule.BoundaryNotPolygon, $"A municipal boundary is a Polygon or MultiPolygon, not a {area.GeometryType}.", area.GeometryType);
        if (!area.IsValid)
            throw new DomainRuleViolated(DomainRule.BoundaryInvalid, "The municipal boundary is not a valid polygon (it crosses itself or is not closed).");
        var envelope = area.EnvelopeInternal;
        if (envelope.MinY < -90 || envelope.MaxY > 90 || envelope.MinX < -180 || envelope.MaxX > 180)
            throw new DomainRuleViolated(DomainRule.BoundaryNotWgs84, "The municipal boundary must be in WGS84 longitude/latitude degrees.");
        return new MunicipalityBoundary(area);
    }

    public static MunicipalityBoundary FromWkt(string wkt) => From(Reader.Read(wkt));

    /// <summary>
    /// The area a municipality accepts positions in: the box around its boundary with a margin of
    /// about a kilometre, and never less than the Netherlands. A border municipality whose land
    /// reaches past the national box (or that shares a site across the border) is not cut off.
    /// </summary>
    public Geography.GeoArea AcceptedArea(string municipalityName)
    {
        const double margin = 0.01;
        var box = Area.EnvelopeInternal;
        var country = Geography.GeoArea.Netherlands;
        return new Geography.GeoArea(
            $"{municipalityName} and the Netherlands",
            Math.Min(country.MinLatitude, box.MinY - margin),
            Math.Min(country.MinLongitude, box.MinX - margin),
            Math.Max(country.MaxLatitude, box.MaxY + margin),
            Math.Max(country.MaxLongitude, box.MaxX + margin));
    }

    /// <summary>Points on the boundary line count as inside.</summary>
    public bool Contains(double latitude, double longitude) => _prepared.Covers(new Point(longitude, latitude));
}
