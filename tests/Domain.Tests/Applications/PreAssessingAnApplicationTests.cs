using NetTopologySuite.Geometries;
using Portal.Domain.Applications;
using Portal.Domain.ChargePoints;
using Portal.Domain.Eligibility;
using Coordinate = Portal.Domain.Geography.Coordinate;
using static Portal.Domain.Applications.PreAssessmentFindingCode;

namespace Portal.Domain.Tests.Applications;

public sealed class PreAssessingAnApplicationTests
{
    private static readonly EligibilityPolicy Policy = new(PolicyDistanceMetres: 250, OccupancyThresholdPercent: 80);
    private static readonly Guid Self = Guid.NewGuid();
    private static readonly Coordinate Home = Coordinate.FromRd(190000, 444000);
    private static readonly ApplicationAddress HomeAddress = ApplicationAddress.Create("6811 AB", "1A");
    private static readonly ApplicantDeclarations Clean = new(HasPrivateParking: false, ParkingPermitNumber: null);

    private static NearbyChargePoint ChargePoint(double metres, int? occupancy, string label = "Velperweg 3") =>
        new(Guid.NewGuid(), label, metres, LocationStatus.Available, 2, occupancy);

    private static OpenApplication Application(double metresEast, string reference, ApplicationAddress? address = null) =>
        new(Guid.NewGuid(), reference, Coordinate.FromRd(190000 + metresEast, 444000), address ?? ApplicationAddress.Create("6811 CD", "20"));

    private static PermitZone ZoneAround(Coordinate point, string name = "Centrum", double offsetDegrees = 0) =>
        new(name, new GeometryFactory().CreatePolygon(
        [
            new NetTopologySuite.Geometries.Coordinate(point.Longitude - 0.002 + offsetDegrees, point.Latitude - 0.002),
            new NetTopologySuite.Geometries.Coordinate(point.Longitude + 0.002 + offsetDegrees, point.Latitude - 0.002),
            new NetTopologySuite.Geometries.Coordinate(point.Longitude + 0.002 + offsetDegrees, point.Latitude + 0.002),
            new NetTopologySuite.Geometries.Coordinate(point.Longitude - 0.002 + offsetDegrees, point.Latitude + 0.002),
            new NetTopologySuite.Geometries.Coordinate(point.Longitude - 0.002 + offsetDegrees, point.Latitude - 0.002),
        ]));

    private static PreAssessmentResult Run(
        IReadOnlyList<NearbyChargePoint>? chargePoints = null,
        ApplicantDeclarations? declarations = null,
        IReadOnlyList<OpenApplication>? others = null,
        IReadOnlyList<PermitZone>? zones = null) =>
        PreAssessment.Run(new PreAssessmentInput(Self, Home, HomeAddress, declarations ?? Clean, chargePoints ?? [], others ?? [], zones ?? []), Policy);

    private static PreAssessmentFinding Finding(PreAssessmentResult result, PreAssessmentFindingCode code) => Assert.Single(result.Findings, f => f.Code == code);

    [Fact]
    public void NothingAgainstIt_IsLikelyApproved()
    {
        var result = Run();

        Assert.Equal(PreAssessmentAdvice.LikelyApprove, result.Advice);
        Assert.Equal([NoChargePointWithinPolicyDistance, OutsidePermitZones, NoPrivateParkingDeclared, NoOpenApplicationsNearby, NoDuplicateAddress],
            result.Findings.Select(f => f.Code));
        Assert.Null(Finding(result, NoChargePointWithinPolicyDistance).DistanceMetres);
    }

    [Fact]
    public void NearestChargePointBeyondPolicyDistance_IsFavourableWithItsDistance()
    {
        var finding = Finding(Run([ChargePoint(300.4, 10), ChargePoint(410, null)]), NoChargePointWithinPolicyDistance);

        Assert.Equal(PreAssessmentEffect.Favourable, finding.Effect);
        Assert.Equal(300, finding.DistanceMetres);
        Assert.Equal(250, finding.PolicyDistanceMetres);
        Assert.Equal("Velperweg 3", finding.Label);
    }

    [Fact]
    public void ChargePointWithRoomWithinPolicyDistance_AdvisesReferring()
    {
        var result = Run([ChargePoint(140.2, 50, "Sonsbeeksingel 8"), ChargePoint(200, 60)]);

        Assert.Equal(PreAssessmentAdvice.LikelyReferOrReject, result.Advice);
        var near = Finding(result, ChargePointWithinPolicyDistance);
        Assert.Equal((PreAssessmentEffect.Unfavourable, 140d, "Sonsbeeksingel 8"), (near.Effect, near.DistanceMetres!.Value, near.Label));
        var room = Finding(result, NearbyChargePointHasRoom);
        Assert.Equal((50, 80, "Sonsbeeksingel 8"), (room.OccupancyPercent!.Value, room.ThresholdPercent!.Value, room.Label));
    }

    [Fact]
    public void EveryChargePointWithinPolicyDistanceBusierThanThreshold_JustifiesAnExtraPoint()
    {
        var result = Run([ChargePoint(140, 90, "Sonsbeeksingel 8"), ChargePoint(240, 85, "Jansplein 1")]);

        Assert.Equal(PreAssessmentAdvice.LikelyApprove, result.Advice);
        Assert.Equal(PreAssessmentEffect.Informational, Finding(result, ChargePointWithinPolicyDistance).Effect);
        var busy = Finding(result, NearbyChargePointBusy);
        Assert.Equal((PreAssessmentEffect.Favourable, 85, 80, "Jansplein 1"), (busy.Effect, busy.OccupancyPercent!.Value, busy.ThresholdPercent!.Value, busy.Label));
    }

    [Fact]
    public void OccupancyExactlyAtThreshold_StillHasRoom() =>
        Assert.Equal(PreAssessmentAdvice.LikelyReferOrReject, Run([ChargePoint(140, 80)]).Advice);

    [Fact]
    public void ChargePointNearbyWithUnknownUsage_IsFlaggedForReview()
    {
        var result = Run([ChargePoint(180, null, "Steenstraat 2")]);

        var unknown = Finding(result, NearbyChargePointUsageUnknown);
        Assert.Equal((PreAssessmentEffect.NeedsReview, 180d, "Steenstraat 2"), (unknown.Effect, unknown.DistanceMetres!.Value, unknown.Label));
        // Without usage data the policy default (refer) still applies.
        Assert.Equal(PreAssessmentAdvice.LikelyReferOrReject, result.Advice);
    }

    [Fact]
    public void PermitZoneWithoutPermitNumber_AdvisesRejecting()
    {
        var result = Run(zones: [ZoneAround(Home, "Centrum")], declarations: new(false, "  "));

        var finding = Finding(result, InPermitZoneWithoutPermit);
        Assert.Equal((PreAssessmentEffect.Unfavourable, "Centrum"), (finding.Effect, finding.Label));
        Assert.Equal(PreAssessmentAdvice.LikelyReferOrReject, result.Advice);
    }

    [Fact]
    public void PermitZoneWithPermitNumber_IsFavourable()
    {
        var result = Run(zones: [ZoneAround(Home, "Elders", offsetDegrees: 0.01), ZoneAround(Home, "Centrum")], declarations: new(false, "VG-12345"));

        Assert.Equal("Centrum", Finding(result, InPermitZoneWithPermit).Label);
        Assert.Equal(PreAssessmentAdvice.LikelyApprove, result.Advice);
    }

    [Fact]
    public void AddressOutsideEveryPermitZone_NeedsNoPermit()
    {
        var result = Run(zones: [ZoneAround(Home, offsetDegrees: 0.01)]);

        Assert.Equal(PreAssessmentEffect.Informational, Finding(result, OutsidePermitZones).Effect);
        Assert.Equal(PreAssessmentAdvice.LikelyApprove, result.Advice);
    }

    [Fact]
    public void PrivateParkingDeclared_AdvisesRejecting()
    {
        var result = Run(declarations: new(HasPrivateParking: true, null));

        Assert.Equal(PreAssessmentEffect.Unfavourable, Finding(result, PrivateParkingDeclared).Effect);
        Assert.Equal(PreAssessmentAdvice.LikelyReferOrReject, result.Advice);
    }

    [Fact]
    public void OpenApplicationsWithinPolicyDistance_AreGroupedNearestFirst()
    {
        var far = Application(251, "LP-2026-0003");
        var edge = Application(250, "LP-2026-0002");
        var near = Application(100, "LP-2026-0001");
        var itself = new OpenApplication(Self, "LP-2026-0009", Home, HomeAddress);

        var result = Run(others: [far, edge, itself, near]);

        Assert.Equal([("LP-2026-0001", 100d), ("LP-2026-0002", 250d)], result.Group.Select(a => (a.Reference, a.DistanceMetres)));
        var finding = Finding(result, OpenApplicationsNearby);
        Assert.Equal((PreAssessmentEffect.NeedsReview, 100d, "LP-2026-0001"), (finding.Effect, finding.DistanceMetres!.Value, finding.Label));
        Assert.Equal([near.Id, edge.Id], finding.RelatedApplicationIds!);
        Assert.Empty(result.Duplicates);
        Assert.Equal(PreAssessmentAdvice.NeedsOfficerReview, result.Advice);
    }

    [Theory]
    [InlineData("6811AB", "1", "A")]
    [InlineData("6811 ab", "1 a", null)]
    [InlineData(" 6811ab ", "1-A", "")]
    [InlineData("6811 AB", "1", " a ")]
    public void SameAddressWrittenDifferently_IsADuplicate(string postcode, string houseNumber, string? addition)
    {
        var other = Application(0, "LP-2026-0004", ApplicationAddress.Create(postcode, houseNumber, addition));

        var result = Run(others: [other]);

        Assert.Equal([other.Id], result.Duplicates);
        Assert.Equal([other.Id], Finding(result, DuplicateAddress).RelatedApplicationIds!);
        Assert.Empty(result.Group);
        Assert.Equal(PreAssessmentAdvice.NeedsOfficerReview, result.Advice);
    }

    [Theory]
    [InlineData("6811AB", "1", "B")]
    [InlineData("6811AB", "1", null)]
    [InlineData("6811AC", "1", "A")]
    [InlineData("6811AB", "11", "A")]
    public void NeighbourAtAnotherAddress_IsGroupedNotDuplicate(string postcode, string houseNumber, string? addition)
    {
        var neighbour = Application(5, "LP-2026-0005", ApplicationAddress.Create(postcode, houseNumber, addition));

        var result = Run(others: [neighbour]);

        Assert.Empty(result.Duplicates);
        Assert.Equal(PreAssessmentEffect.Informational, Finding(result, NoDuplicateAddress).Effect);
        Assert.Equal(neighbour.Id, Assert.Single(result.Group).ApplicationId);
    }

    [Fact]
    public void SeveralRulesAgainstIt_AreAllReportedAndUnfavourableWins()
    {
        var duplicate = Application(0, "LP-2026-0006", ApplicationAddress.Create("6811AB", "1a"));
        var neighbour = Application(120, "LP-2026-0007");

        var result = Run([ChargePoint(90, 95)], new(HasPrivateParking: true, null), [duplicate, neighbour], [ZoneAround(Home)]);

        Assert.Equal(
            [ChargePointWithinPolicyDistance, NearbyChargePointBusy, InPermitZoneWithoutPermit, PrivateParkingDeclared, OpenApplicationsNearby, DuplicateAddress],
            result.Findings.Select(f => f.Code));
        Assert.Equal(PreAssessmentAdvice.LikelyReferOrReject, result.Advice);
        Assert.Equal(neighbour.Id, Assert.Single(result.Group).ApplicationId);
        Assert.Equal(duplicate.Id, Assert.Single(result.Duplicates));
    }

    [Fact]
    public void ReviewFindingsWithoutUnfavourableOnes_AskForTheOfficer()
    {
        var result = Run([ChargePoint(300, null)], others: [Application(60, "LP-2026-0008")]);

        Assert.Equal(PreAssessmentAdvice.NeedsOfficerReview, result.Advice);
        Assert.Equal(EligibilityOutcome.NoChargePointNearby, result.Eligibility.Outcome);
    }
}
