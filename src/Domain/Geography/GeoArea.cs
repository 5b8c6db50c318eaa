namespace Portal.Domain.Geography;

/// <summary>
/// Where positions are accepted: by default the Netherlands (land and territorial waters,
/// European part); a municipality near the border can configure a wider box.
/// </summary>
public sealed record GeoArea(string Name, double MinLatitude, double MinLongitude, double MaxLatitude, double MaxLongitude)
{
    /// <summary>The European Netherlands with a margin of a few kilometres (RD New's area of use).</summary>
    public static GeoArea Netherlands { get; } = new("the Netherlands", 50.70, 3.20, 53.70, 7.30);

    public bool Contains(double latitude, double longitude) =>
        latitude >= MinLatitude && latitude <= MaxLatitude && longitude >= MinLongitude && longitude <= MaxLongitude;
}
