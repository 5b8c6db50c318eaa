namespace Portal.Domain.Municipalities;

/// <summary>
/// A permit zone as the municipality keeps it: its name and its area as a GeoJSON geometry
/// (WGS84). Reading the GeoJSON is the outside world's job; the domain's
/// <see cref="Applications.PermitZone"/> is built from the geometry it yields.
/// </summary>
public sealed record PermitZoneShape(string Name, string GeoJson)
{
    public const int MaxNameLength = 100;
}
