using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using Portal.Domain.Common;

namespace Portal.Domain.Applications;

/// <summary>An area where parking needs a permit, as a WGS84 (Multi)Polygon in longitude/latitude degrees.</summary>
public sealed class PermitZone
{
    private readonly IPreparedGeometry _prepared;

    public PermitZone(string name, Geometry area)
    {
        if (area is not (Polygon or MultiPolygon))
            throw new DomainRuleViolated(DomainRule.PermitZoneNotPolygon, $"A permit zone is a Polygon or MultiPolygon, not a {area.GeometryType}.", area.GeometryType);
        if (!area.IsValid)
            throw new DomainRuleViolated(DomainRule.PermitZoneInvalid, $"Permit zone \"{name}\" is not a valid polygon (it crosses itself or is not closed).", name);
        Name = name.Trim();
        Area = area;
        _prepared = PreparedGeometryFactory.Prepare(area);
    }

    public string Name { get; }
    public Geometry Area { get; }

    /// <summary>Points on the zone's edge count as inside: the permit rule then applies rather than silently not.</summary>
    public bool Contains(double latitude, double longitude) => _prepared.Covers(new Point(longitude, latitude));
}
