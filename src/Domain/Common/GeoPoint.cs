namespace Portal.Domain.Common;

/// <summary>A WGS84 position in decimal degrees.</summary>
public readonly record struct GeoPoint
{
    public GeoPoint(double latitude, double longitude)
    {
        if (double.IsNaN(latitude) || latitude is < -90 or > 90)
            throw new DomainRuleViolated(DomainRule.LatitudeOutOfRange, $"Latitude must be between -90 and 90 degrees, got {latitude.ToString(System.Globalization.CultureInfo.InvariantCulture)}.", latitude);
        if (double.IsNaN(longitude) || longitude is < -180 or > 180)
            throw new DomainRuleViolated(DomainRule.LongitudeOutOfRange, $"Longitude must be between -180 and 180 degrees, got {longitude.ToString(System.Globalization.CultureInfo.InvariantCulture)}.", longitude);
        Latitude = latitude;
        Longitude = longitude;
    }

    public double Latitude { get; }
    public double Longitude { get; }
}
