using Microsoft.Extensions.Options;
using Portal.Domain.ChargePoints;
using Portal.Domain.Eligibility;
using Portal.Domain.Geography;

namespace Portal.Features.Map;

/// <summary>The policy check at a point, shared by the eligibility API and the map page.</summary>
internal sealed class EligibilityService(MapIndexCache cache, IOptions<MapOptions> options)
{
    public EligibilityPolicy Policy => new(options.Value.PolicyDistanceMetres, options.Value.OccupancyThresholdPercent);

    public async Task<EligibilityAssessment> AssessAsync(Coordinate point)
    {
        var index = await cache.ChargePointsAsync();
        var nearest = index.Nearby.Nearest(point, EligibilityPolicy.NearestToShow)
            .Select(n => new NearbyChargePoint(n.Item.Id, n.Item.Label, n.DistanceMetres, n.Item.Availability ?? LocationStatus.Unknown, n.Item.EvseCount ?? 0, OccupancyPercent: null))
            .ToList();
        return EligibilityRule.Assess(nearest, Policy);
    }
}
