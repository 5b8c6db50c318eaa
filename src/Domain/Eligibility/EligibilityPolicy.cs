namespace Portal.Domain.Eligibility;

/// <summary>
/// A municipality's rule for a new public charge point near a home: none within the policy
/// distance (usually 200-300 m), unless the nearest one is so busy that an extra point is
/// justified (occupancy above the threshold, when usage data exists).
/// </summary>
public sealed record EligibilityPolicy(double PolicyDistanceMetres = 250, int OccupancyThresholdPercent = 80)
{
    public const int NearestToShow = 5;
}
