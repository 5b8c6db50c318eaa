using Portal.Domain.ChargePoints;
using Portal.Domain.Geography;
using Portal.Domain.Installations;

namespace Portal.Domain.Tests.Installations;

public sealed class MatchingACommissionedChargePointTests
{
    private static readonly Guid Cpo = Guid.NewGuid();
    private static readonly Guid OtherCpo = Guid.NewGuid();
    private static readonly Coordinate Spot = Coordinate.FromRd(187_000, 441_000);

    private static CommissioningCandidate At(string id, Guid? op, double east, double north, params EvseStatus[] statuses) =>
        new(id, op, Coordinate.FromRd(187_000 + east, 441_000 + north), [.. statuses.Select((s, i) => new CandidateEvse($"{id}-E{i + 1}", s))]);

    private static readonly CommissioningCandidate[] Candidates =
    [
        At("B", Cpo, 0, 20, EvseStatus.Charging),                              // 20 m north
        At("A", Cpo, 10, 0, EvseStatus.Planned, EvseStatus.Available),          // 10 m east, one EVSE ready
        At("C", OtherCpo, 5, 0, EvseStatus.Available),                         // another CPO's, 5 m
        At("D", Cpo, 30, 0, EvseStatus.Available),                             // 30 m: too far
        At("E", Cpo, 3, 0, EvseStatus.OutOfOrder, EvseStatus.Unknown),          // near, but nothing can charge
        At("F", null, 1, 0, EvseStatus.Available),                             // no operator linked
        At("G", Cpo, 15, 20, EvseStatus.Blocked, EvseStatus.Removed),           // 25 m exactly (3-4-5), blocked by a car: ready
    ];

    [Fact]
    public void TheCposLocationsWithinTwentyFiveMetres_ThatCanCharge_NearestFirst()
    {
        var proposed = CommissioningMatch.Propose(Spot, Cpo, Candidates);

        Assert.Equal(["A", "B", "G"], proposed.Select(p => p.Location.LocationSourceId));
        Assert.Equal([10d, 20d, 25d], proposed.Select(p => Math.Round(p.DistanceMetres, 6)));
        Assert.Equal(["A-E2"], proposed[0].ReadyEvseUids);
        Assert.Equal(["G-E1"], proposed[2].ReadyEvseUids);
    }

    [Fact]
    public void ASmallerDistance_IsConfigurable()
    {
        Assert.Equal(["A"], CommissioningMatch.Propose(Spot, Cpo, Candidates, maxDistanceMetres: 15).Select(p => p.Location.LocationSourceId));
    }

    [Theory]
    [InlineData(EvseStatus.Available, true)]
    [InlineData(EvseStatus.Charging, true)]
    [InlineData(EvseStatus.Reserved, true)]
    [InlineData(EvseStatus.Blocked, true)]
    [InlineData(EvseStatus.Planned, false)]
    [InlineData(EvseStatus.Removed, false)]
    [InlineData(EvseStatus.OutOfOrder, false)]
    [InlineData(EvseStatus.Inoperative, false)]
    [InlineData(EvseStatus.Unknown, false)]
    public void ReadyToCharge(EvseStatus status, bool ready) => Assert.Equal(ready, CommissioningMatch.IsReadyToCharge(status));
}
