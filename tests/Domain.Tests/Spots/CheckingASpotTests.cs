using Portal.Domain.Spots;
using static Portal.Domain.Spots.SpotWarningKind;

namespace Portal.Domain.Tests.Spots;

public sealed class CheckingASpotTests
{
    private static readonly SpotCheckSettings Guidelines = new();   // 50 m, 50 m, 90 cm, 120 cm, 60 cm
    private static readonly SpotDetails Good = new("Velperweg 1", 2, SpotSetUp.OnPavement, FreePavementWidthCm: 120, DistanceToBayCm: 60, GridCableNearby: true, Notes: null);

    [Fact]
    public void SpotMeetingEveryGuideline_ExactlyAtTheLimits_HasNoWarnings() =>
        Assert.Empty(SpotChecks.Check(Good, [new("spot A", 50, false), new("Velperweg 3", 50, true)], Guidelines));

    [Fact]
    public void ChargePointJustInsideTheMinimumDistance_IsReportedWithItsDistance()
    {
        var warning = Assert.Single(SpotChecks.Check(Good, [new("Velperweg 3", 49.96, true), new("Velperweg 9", 20, true)], Guidelines));

        Assert.Equal(ChargePointTooClose, warning.Kind);
        Assert.Equal(20, warning.Measured);
        Assert.Equal("Velperweg 9", warning.NeighbourLabel);
        Assert.True(warning.IsBlocking);
    }

    [Fact]
    public void OtherSpotTooClose_IsReported() =>
        Assert.Equal([OtherSpotTooClose], SpotChecks.Check(Good, [new("spot B", 12.34, false)], Guidelines).Select(w => w.Kind));

    [Theory]
    [InlineData(89, PavementTooNarrow, true)]
    [InlineData(90, PavementNarrowerThanPreferred, false)]
    [InlineData(119, PavementNarrowerThanPreferred, false)]
    public void NarrowPavement_IsReported(int widthCm, SpotWarningKind expected, bool blocking)
    {
        var warning = Assert.Single(SpotChecks.Check(Good with { FreePavementWidthCm = widthCm }, [], Guidelines));

        Assert.Equal(expected, warning.Kind);
        Assert.Equal(widthCm, warning.Measured);
        Assert.Equal(blocking, warning.IsBlocking);
    }

    [Fact]
    public void PointMoreThanSixtyCentimetresFromTheBay_IsReported()
    {
        var warning = Assert.Single(SpotChecks.Check(Good with { DistanceToBayCm = 61 }, [], Guidelines));

        Assert.Equal(TooFarFromBay, warning.Kind);
        Assert.Equal(60, warning.Limit);
    }

    [Fact]
    public void UnmeasuredPavementAndBayDistance_AskForAMeasurement() =>
        Assert.Equal([PavementWidthUnknown, DistanceToBayUnknown],
            SpotChecks.Check(Good with { FreePavementWidthCm = null, DistanceToBayCm = null }, [], Guidelines).Select(w => w.Kind));

    [Fact]
    public void MunicipalityWithAStricterDistance_UsesIt() =>
        Assert.Equal([ChargePointTooClose], SpotChecks.Check(Good, [new("Velperweg 3", 80, true)], Guidelines with { MinimumDistanceToChargePointMetres = 100 }).Select(w => w.Kind));
}
