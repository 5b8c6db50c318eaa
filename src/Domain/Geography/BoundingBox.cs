using System.Globalization;
using Portal.Domain.Common;

namespace Portal.Domain.Geography;

/// <summary>A WGS84 viewport: west, south, east, north in degrees (the GeoJSON bbox order).</summary>
public readonly record struct BoundingBox
{
    public BoundingBox(double minLongitude, double minLatitude, double maxLongitude, double maxLatitude)
    {
        if (new[] { minLongitude, minLatitude, maxLongitude, maxLatitude }.Any(double.IsNaN))
            throw new DomainRuleViolated(DomainRule.BoundingBoxNeedsFourNumbers, "A bounding box needs four numbers.");
        if (minLongitude is < -180 or > 180 || maxLongitude is < -180 or > 180 || minLatitude is < -90 or > 90 || maxLatitude is < -90 or > 90)
            throw new DomainRuleViolated(DomainRule.BoundingBoxOutOfRange, "A bounding box is minLon,minLat,maxLon,maxLat in degrees (longitude -180..180, latitude -90..90).");
        if (minLongitude > maxLongitude || minLatitude > maxLatitude)
            throw new DomainRuleViolated(DomainRule.BoundingBoxMinimumFirst, "A bounding box is minLon,minLat,maxLon,maxLat: the minimum comes first.");
        MinLongitude = minLongitude;
        MinLatitude = minLatitude;
        MaxLongitude = maxLongitude;
        MaxLatitude = maxLatitude;
    }

    public double MinLongitude { get; }
    public double MinLatitude { get; }
    public double MaxLongitude { get; }
    public double MaxLatitude { get; }

    public bool Contains(double latitude, double longitude) =>
        latitude >= MinLatitude && latitude <= MaxLatitude && longitude >= MinLongitude && longitude <= MaxLongitude;

    /// <summary>Parses "minLon,minLat,maxLon,maxLat" with a dot as decimal separator.</summary>
    public static BoundingBox Parse(string? text)
    {
        var parts = (text ?? "").Split(',');
        if (parts.Length != 4)
            throw new DomainRuleViolated(DomainRule.BoundingBoxFormat, "bbox must be four comma-separated numbers: minLon,minLat,maxLon,maxLat.");
        var numbers = new double[4];
        for (var i = 0; i < 4; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out numbers[i]))
                throw new DomainRuleViolated(DomainRule.BoundingBoxNotANumber, $"bbox value '{parts[i]}' is not a number (use a dot as decimal separator).", parts[i]);
        }
        return new BoundingBox(numbers[0], numbers[1], numbers[2], numbers[3]);
    }
}
