using Portal.Domain.Eligibility;

namespace Portal.Domain.Applications;

/// <summary>
/// The automatic check run when an application is submitted. Every rule adds one finding (the
/// occupancy rule only when a charge point is within the policy distance). The advice follows
/// the weightiest effect: any unfavourable finding advises refer or reject, otherwise any
/// finding that needs review asks for the officer, otherwise approval is likely.
/// </summary>
public static class PreAssessment
{
    public static PreAssessmentResult Run(PreAssessmentInput input, EligibilityPolicy policy)
    {
        var eligibility = EligibilityRule.Assess(input.NearbyChargePoints, policy);
        var findings = new List<PreAssessmentFinding>();
        findings.AddRange(ChargePointFindings(eligibility, policy));
        findings.Add(PermitZoneFinding(input));
        findings.Add(input.Declarations.HasPrivateParking
            ? new(PreAssessmentFindingCode.PrivateParkingDeclared, PreAssessmentEffect.Unfavourable)
            : new(PreAssessmentFindingCode.NoPrivateParkingDeclared, PreAssessmentEffect.Favourable));

        var others = input.OpenApplications.Where(a => a.Id != input.ApplicationId).ToList();
        var duplicates = others.Where(a => a.Address == input.Address).Select(a => a.Id).ToList();
        var group = others
            .Where(a => a.Address != input.Address)
            .Select(a => new NearbyApplication(a.Id, a.Reference, Math.Round(a.Point.DistanceTo(input.Point))))
            .Where(a => a.DistanceMetres <= policy.PolicyDistanceMetres)
            .OrderBy(a => a.DistanceMetres)
            .ToList();

        findings.Add(group.Count == 0
            ? new(PreAssessmentFindingCode.NoOpenApplicationsNearby, PreAssessmentEffect.Informational, PolicyDistanceMetres: policy.PolicyDistanceMetres)
            : new(PreAssessmentFindingCode.OpenApplicationsNearby, PreAssessmentEffect.NeedsReview, group[0].DistanceMetres, policy.PolicyDistanceMetres,
                Label: group[0].Reference, RelatedApplicationIds: group.Select(a => a.ApplicationId).ToList()));
        findings.Add(duplicates.Count == 0
            ? new(PreAssessmentFindingCode.NoDuplicateAddress, PreAssessmentEffect.Informational)
            : new(PreAssessmentFindingCode.DuplicateAddress, PreAssessmentEffect.NeedsReview, Label: input.Address.ToString(), RelatedApplicationIds: duplicates));

        return new PreAssessmentResult(Advise(findings), findings, group, duplicates, eligibility);
    }

    private static IEnumerable<PreAssessmentFinding> ChargePointFindings(EligibilityAssessment eligibility, EligibilityPolicy policy)
    {
        if (eligibility.Outcome == EligibilityOutcome.NoChargePointNearby)
        {
            var nearest = eligibility.Nearest.FirstOrDefault();
            yield return new(PreAssessmentFindingCode.NoChargePointWithinPolicyDistance, PreAssessmentEffect.Favourable,
                nearest is null ? null : Math.Round(nearest.DistanceMetres), policy.PolicyDistanceMetres, Label: nearest?.Label);
            yield break;
        }

        var within = eligibility.Nearest.Where(p => p.DistanceMetres <= policy.PolicyDistanceMetres).ToList();
        var busy = eligibility.Outcome == EligibilityOutcome.NearbyChargePointsBusy;
        yield return new(PreAssessmentFindingCode.ChargePointWithinPolicyDistance, busy ? PreAssessmentEffect.Informational : PreAssessmentEffect.Unfavourable,
            Math.Round(within[0].DistanceMetres), policy.PolicyDistanceMetres, Label: within[0].Label);

        var unknown = within.FirstOrDefault(p => p.OccupancyPercent is null);
        if (unknown is not null)
        {
            yield return new(PreAssessmentFindingCode.NearbyChargePointUsageUnknown, PreAssessmentEffect.NeedsReview,
                Math.Round(unknown.DistanceMetres), ThresholdPercent: policy.OccupancyThresholdPercent, Label: unknown.Label);
            yield break;
        }
        var leastBusy = within.MinBy(p => p.OccupancyPercent)!;
        yield return new(busy ? PreAssessmentFindingCode.NearbyChargePointBusy : PreAssessmentFindingCode.NearbyChargePointHasRoom,
            busy ? PreAssessmentEffect.Favourable : PreAssessmentEffect.Informational,
            Math.Round(leastBusy.DistanceMetres), OccupancyPercent: leastBusy.OccupancyPercent, ThresholdPercent: policy.OccupancyThresholdPercent, Label: leastBusy.Label);
    }

    private static PreAssessmentFinding PermitZoneFinding(PreAssessmentInput input)
    {
        var zone = input.PermitZones.FirstOrDefault(z => z.Contains(input.Point.Latitude, input.Point.Longitude));
        if (zone is null)
            return new(PreAssessmentFindingCode.OutsidePermitZones, PreAssessmentEffect.Informational);
        return input.Declarations.HasParkingPermit
            ? new(PreAssessmentFindingCode.InPermitZoneWithPermit, PreAssessmentEffect.Favourable, Label: zone.Name)
            : new(PreAssessmentFindingCode.InPermitZoneWithoutPermit, PreAssessmentEffect.Unfavourable, Label: zone.Name);
    }

    private static PreAssessmentAdvice Advise(IReadOnlyList<PreAssessmentFinding> findings) =>
        findings.Any(f => f.Effect == PreAssessmentEffect.Unfavourable) ? PreAssessmentAdvice.LikelyReferOrReject
        : findings.Any(f => f.Effect == PreAssessmentEffect.NeedsReview) ? PreAssessmentAdvice.NeedsOfficerReview
        : PreAssessmentAdvice.LikelyApprove;
}
