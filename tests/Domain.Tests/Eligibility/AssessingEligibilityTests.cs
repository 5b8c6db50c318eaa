using Portal.Domain.ChargePoints;
using Portal.Domain.Eligibility;
using static Portal.Domain.Eligibility.EligibilityOutcome;
using static Portal.Domain.Eligibility.EligibilityReasonCode;

namespace Portal.Domain.Tests.Eligibility;

public sealed class AssessingEligibilityTests
{
    private static readonly EligibilityPolicy Policy = new(PolicyDistanceMetres: 250, OccupancyThresholdPercent: 80);

    private static NearbyChargePoint At(double metres, int? occupancy = null, string label = "Velperweg 3") =>
        new(Guid.NewGuid(), label, metres, LocationStatus.Available, 2, occupancy);

    [Fact]
    public void NearestBeyondThePolicyDistance_MeansNoChargePointNearby()
    {
        var result = EligibilityRule.Assess([At(251.4), At(400)], Policy);

        Assert.Equal(NoChargePointNearby, result.Outcome);
        var reason = Assert.Single(result.Reasons);
        Assert.Equal(NearestBeyondPolicyDistance, reason.Code);
        Assert.Equal(251, reason.DistanceMetres);
        Assert.Equal(250, reason.PolicyDistanceMetres);
    }

    [Fact]
    public void ChargePointExactlyAtThePolicyDistance_CountsAsNearby() =>
        Assert.Equal(ChargePointNearby, EligibilityRule.Assess([At(250)], Policy).Outcome);

    [Fact]
    public void NoChargePointAtAll_SaysSo() =>
        Assert.Equal([NoChargePointKnown], EligibilityRule.Assess([], Policy).Reasons.Select(r => r.Code));

    [Fact]
    public void NearbyPointWithoutUsageData_IsNearby_AndSaysUsageIsUnknown()
    {
        var result = EligibilityRule.Assess([At(140, label: "Sonsbeekweg 2")], Policy);

        Assert.Equal(ChargePointNearby, result.Outcome);
        Assert.Equal([WithinPolicyDistance, UsageUnknown], result.Reasons.Select(r => r.Code));
        Assert.Equal(140, result.Reasons[0].DistanceMetres);
        Assert.Equal("Sonsbeekweg 2", result.Reasons[0].Label);
    }

    [Fact]
    public void EveryNearbyPointBusierThanTheThreshold_JustifiesAnExtraPoint()
    {
        var result = EligibilityRule.Assess([At(100, 85), At(200, 81), At(300, 10)], Policy);

        Assert.Equal(NearbyChargePointsBusy, result.Outcome);
        var busy = result.Reasons[1];
        Assert.Equal(BusierThanThreshold, busy.Code);
        Assert.Equal(81, busy.OccupancyPercent);
    }

    [Fact]
    public void OneNearbyPointAtTheThreshold_StillHasRoom() =>
        Assert.Equal(ChargePointNearby, EligibilityRule.Assess([At(100, 95), At(200, 80)], Policy).Outcome);

    [Fact]
    public void OnlyTheFiveNearest_AreShown_NearestFirst()
    {
        var result = EligibilityRule.Assess([At(600), At(500), At(100), At(300), At(700), At(800), At(200)], Policy);

        Assert.Equal([100, 200, 300, 500, 600], result.Nearest.Select(p => p.DistanceMetres));
    }
}
