using Portal.Domain.Applications;
using Portal.Domain.Common;
using Portal.Domain.Geography;

namespace Portal.Domain.Tests.Applications;

/// <summary>
/// The resident may move the point of the application away from the address's point (across the
/// street, say), but at most 100 m. The points are given in RD New metres, so each distance is a
/// right-angled triangle worked out by hand (3-4-5 scaled).
/// </summary>
public sealed class MovingTheApplicationPointTests
{
    private const double X = 190_000, Y = 444_000;   // in Arnhem

    private static readonly ApplicationPlace AtTheAddress = new(
        ApplicationAddress.Create("6811 AB", "12"), "Jansstraat", "Arnhem", "Centrum", Coordinate.FromRd(X, Y), PointAdjusted: false);

    [Fact]
    public void AcrossTheStreet_IsKept_AndMarkedAsMoved()
    {
        // 9 m east and 12 m north: 15 m.
        var chosen = Coordinate.FromRd(X + 9, Y + 12);

        var moved = AtTheAddress.WithPointMovedTo(chosen);

        Assert.Equal(chosen, moved.Point);
        Assert.True(moved.PointAdjusted);
        Assert.Equal(AtTheAddress.Address, moved.Address);
    }

    [Fact]
    public void ExactlyTheLimit_IsAllowed()
    {
        // 60 m east and 80 m north: 100 m, the limit itself.
        var moved = AtTheAddress.WithPointMovedTo(Coordinate.FromRd(X + 60, Y + 80));

        Assert.True(moved.PointAdjusted);
        Assert.Equal(100, moved.Point.DistanceTo(AtTheAddress.Point), 6);
    }

    [Fact]
    public void BeyondTheLimit_BreaksTheRule_WithTheDistanceAndTheLimit()
    {
        // 72 m west and 96 m south: 120 m.
        var e = Assert.Throws<DomainRuleViolated>(() => AtTheAddress.WithPointMovedTo(Coordinate.FromRd(X - 72, Y - 96)));

        Assert.Equal(DomainRule.PointTooFarFromAddress, e.Rule);
        Assert.Equal([120.0, 100], e.Arguments);
        Assert.Equal("The point is 120 m from the address; it may be at most 100 m away.", e.Message);
    }

    [Fact]
    public void JustBeyondTheLimit_IsRoundedUp_SoItNeverReadsAsTheLimit()
    {
        // 60.18 m east and 80.24 m north: 1.003 times 100 m, 100.3 m.
        var e = Assert.Throws<DomainRuleViolated>(() => AtTheAddress.WithPointMovedTo(Coordinate.FromRd(X + 60.18, Y + 80.24)));

        Assert.Equal([101.0, 100], e.Arguments);
    }

    [Fact]
    public void LessThanAMetre_IsTheAddressesOwnPoint()
    {
        // 0.3 m east and 0.4 m north: half a metre, what rounding coordinates in the form does.
        var same = AtTheAddress.WithPointMovedTo(Coordinate.FromRd(X + 0.3, Y + 0.4));

        Assert.Same(AtTheAddress, same);
        Assert.False(same.PointAdjusted);
    }
}
