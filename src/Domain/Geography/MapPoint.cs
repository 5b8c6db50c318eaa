namespace Portal.Domain.Geography;

/// <summary>A point to cluster on a web map, in WGS84 degrees.</summary>
public sealed record MapPoint<T>(T Item, double Latitude, double Longitude);
