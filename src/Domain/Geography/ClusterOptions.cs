namespace Portal.Domain.Geography;

/// <summary>
/// How <see cref="ClusterIndex{T}"/> groups points: tiles of <paramref name="Extent"/> pixels, a cluster
/// radius of <paramref name="Radius"/> pixels, zoom levels <paramref name="MinZoom"/>..<paramref name="MaxZoom"/>,
/// and at least <paramref name="MinPoints"/> points to a cluster.
/// </summary>
public sealed record ClusterOptions(int Radius = 60, int Extent = 512, int MinZoom = 0, int MaxZoom = 16, int MinPoints = 2)
{
    internal void Validate()
    {
        if (Radius <= 0)
            throw new ArgumentOutOfRangeException(nameof(Radius), Radius, "The cluster radius must be at least one pixel.");
        if (Extent <= 0)
            throw new ArgumentOutOfRangeException(nameof(Extent), Extent, "The tile extent must be at least one pixel.");
        if (MinZoom < 0 || MaxZoom > 30 || MinZoom > MaxZoom)
            throw new ArgumentOutOfRangeException(nameof(MaxZoom), MaxZoom, "Zoom levels run from MinZoom to MaxZoom within 0..30.");
        if (MinPoints < 2)
            throw new ArgumentOutOfRangeException(nameof(MinPoints), MinPoints, "A cluster needs at least two points.");
    }
}
