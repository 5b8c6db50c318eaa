namespace Portal.Domain.Eligibility;

/// <summary>Applies the policy to the charge points nearest to an address (nearest first).</summary>
public static class EligibilityRule
{
    public static EligibilityAssessment Assess(IReadOnlyList<NearbyChargePoint> nearestFirst, EligibilityPolicy policy)
    {
        var nearest = nearestFirst.OrderBy(p => p.DistanceMetres).Take(EligibilityPolicy.NearestToShow).ToList();
        var within = nearest.Where(p => p.DistanceMetres <= policy.PolicyDistanceMetres).ToList();

        if (within.Count == 0)
        {
            EligibilityReason reason = nearest.Count == 0
                ? new(EligibilityReasonCode.NoChargePointKnown, PolicyDistanceMetres: policy.PolicyDistanceMetres)
                : new(EligibilityReasonCode.NearestBeyondPolicyDistance, Math.Round(nearest[0].DistanceMetres), policy.PolicyDistanceMetres, nearest[0].Label);
            return new EligibilityAssessment(EligibilityOutcome.NoChargePointNearby, [reason], nearest);
        }

        var reasons = new List<EligibilityReason>
        {
            new(EligibilityReasonCode.WithinPolicyDistance, Math.Round(within[0].DistanceMetres), policy.PolicyDistanceMetres, within[0].Label),
        };
        if (within.Any(p => p.OccupancyPercent is null))
        {
            reasons.Add(new(EligibilityReasonCode.UsageUnknown, Label: within.First(p => p.OccupancyPercent is null).Label));
            return new EligibilityAssessment(EligibilityOutcome.ChargePointNearby, reasons, nearest);
        }
        var leastBusy = within.MinBy(p => p.OccupancyPercent)!;
        if (leastBusy.OccupancyPercent > policy.OccupancyThresholdPercent)
        {
            reasons.Add(new(EligibilityReasonCode.BusierThanThreshold, Label: leastBusy.Label, OccupancyPercent: leastBusy.OccupancyPercent, ThresholdPercent: policy.OccupancyThresholdPercent));
            return new EligibilityAssessment(EligibilityOutcome.NearbyChargePointsBusy, reasons, nearest);
        }
        return new EligibilityAssessment(EligibilityOutcome.ChargePointNearby, reasons, nearest);
    }
}
