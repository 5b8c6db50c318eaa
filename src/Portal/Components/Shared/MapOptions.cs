namespace Portal.Components.Shared;

/// <summary>The "Map" configuration section.</summary>
internal sealed class MapOptions
{
    /// <summary>Background tiles (XYZ, Web Mercator). PDOK BRT-Achtergrondkaart by default.</summary>
    public string TileUrl { get; set; } = "https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png";

    public string TileAttribution { get; set; } = "Kaartgegevens © Kadaster (BRT-Achtergrondkaart)";

    /// <summary>How long a layer's in-memory index is trusted before it is rebuilt from the database (other nodes' changes show up within this time).</summary>
    public int IndexLifetimeSeconds { get; set; } = 60;

    /// <summary>After an OCPI push on this node, the charge-point index is rebuilt once it is at least this old (0: at once).</summary>
    public int PushRefreshSeconds { get; set; } = 5;

    public double PolicyDistanceMetres { get; set; } = 250;
    public int OccupancyThresholdPercent { get; set; } = 80;

    /// <summary>The origin of the tile server, for the Content-Security-Policy.</summary>
    public string TileOrigin => Uri.TryCreate(TileUrl.Replace("{", "", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal), UriKind.Absolute, out var uri)
        ? uri.GetLeftPart(UriPartial.Authority)
        : "";
}
