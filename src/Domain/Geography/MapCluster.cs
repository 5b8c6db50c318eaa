namespace Portal.Domain.Geography;

/// <summary>
/// What a map shows at one zoom level: a single point (Count 1, Item set, Id its index in the input) or a
/// cluster (Count of at least MinPoints, Item default, positioned at the weighted centre of its points).
/// </summary>
public sealed record MapCluster<T>(long Id, double Latitude, double Longitude, int Count, T? Item)
{
    public bool IsCluster => Count > 1;
}
