namespace Portal.Domain.Spots;

/// <summary>
/// The placement guidelines a spot is checked against (seed guide, step 2): at most 0.60 m from
/// the bay, at least 0.90 m free pavement (1.20 m preferred), and no other spot or charge point
/// closer than the municipality's minimum distance.
/// </summary>
public sealed record SpotCheckSettings(
    double MinimumDistanceToOtherSpotMetres = 50,
    double MinimumDistanceToChargePointMetres = 50,
    int MinimumFreePavementCm = 90,
    int PreferredFreePavementCm = 120,
    int MaximumDistanceToBayCm = 60);
