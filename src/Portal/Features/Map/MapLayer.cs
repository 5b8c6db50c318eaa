namespace Portal.Features.Map;

/// <summary>The layers the map API serves. Public layers are open to everyone; the others need an officer.</summary>
internal sealed record MapLayer(string Name, bool IsPublic)
{
    public static readonly MapLayer ChargePoints = new("laadpunten", IsPublic: true);
    public static readonly MapLayer Spots = new("plekken", IsPublic: false);

    /// <summary>Locations of published traffic orders: planned, with objection possible until a day, or final.</summary>
    public static readonly MapLayer PlannedLocations = new("verkeersbesluiten", IsPublic: true);

    public static readonly MapLayer Applications = new("aanvragen", IsPublic: false);

    public static IReadOnlyList<MapLayer> All { get; } = [ChargePoints, Spots, Applications, PlannedLocations];

    public static MapLayer? Find(string name) => All.FirstOrDefault(l => string.Equals(l.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));
}
