using Portal.Domain.ChargePoints;
using Portal.Domain.Eligibility;
using Portal.Domain.Geography;
using Portal.Features.Policies;

namespace Portal.Features.Map;

/// <summary>The policy check at a point, shared by the eligibility API, the map page and the applications.</summary>
internal sealed class EligibilityService(MapIndexCache cache, MunicipalityPolicies policies)
{
    /// <summary>Assesses the point under the policy of the municipality it lies in (the defaults outside every known boundary).</summary>
    public async Task<(EligibilityAssessment Assessment, EligibilityPolicy Policy)> AssessAsync(Coordinate point)
    {
        var policy = (await policies.AtAsync(point.Latitude, point.Longitude)).ToEligibilityPolicy();
        return (EligibilityRule.Assess(await NearestAsync(point), policy), policy);
    }

    /// <summary>The public (and planned) charge points nearest to the point. No usage data is collected yet, so occupancy is unknown.</summary>
    public async Task<IReadOnlyList<NearbyChargePoint>> NearestAsync(Coordinate point)
    {
        var index = await cache.ChargePointsAsync();
        return index.Nearby.Nearest(point, EligibilityPolicy.NearestToShow)
            .Select(n => new NearbyChargePoint(n.Item.Id, n.Item.Label, n.DistanceMetres, n.Item.Availability ?? LocationStatus.Unknown, n.Item.EvseCount ?? 0, OccupancyPercent: null))
            .ToList();
    }
}
