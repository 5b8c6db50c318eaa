using Portal.Domain.Common;
using Portal.Domain.Geography;
using Portal.Domain.Spots;

namespace Portal.Domain.Tests.Spots;

public sealed class KeepingASpotsHistoryTests
{
    private static readonly DateTime Monday = new(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);
    private static readonly SpotActor Officer = new("u1", "Olaf Ambtenaar");
    private static readonly SpotDetails TwoBays = new("Velperweg 1", 2, SpotSetUp.OnPavement, 150, 40, true, null);

    private static Spot NewSpot() => Spot.Create(Guid.NewGuid(), Coordinate.FromRd(191_000, 444_000), TwoBays, Officer, Monday);

    [Fact]
    public void NewSpot_IsACandidate_WithOneCreatedEntry()
    {
        var spot = NewSpot();

        Assert.Equal(SpotStatus.Candidate, spot.Status);
        var created = Assert.Single(spot.History);
        Assert.Equal(SpotChangeKind.Created, created.Kind);
        Assert.Equal("Olaf Ambtenaar", created.ByName);
        Assert.Equal(Monday, created.AtUtc);
    }

    [Fact]
    public void Moving_RecordsFromAndTo_AndTheNewRdPosition()
    {
        var spot = NewSpot();

        spot.MoveTo(Coordinate.FromRd(191_010, 444_000), Officer, Monday.AddHours(1), "tree in the way");

        var moved = spot.History[^1];
        Assert.Equal(SpotChangeKind.Moved, moved.Kind);
        Assert.Equal("tree in the way", moved.Reason);
        Assert.NotEqual(moved.From, moved.To);
        Assert.Equal(191_010, spot.RdX, precision: 3);
        Assert.Equal(10, spot.Position.DistanceTo(Coordinate.FromRd(191_000, 444_000)), precision: 3);
    }

    [Fact]
    public void EditWithoutChanges_AddsNoHistory()
    {
        var spot = NewSpot();

        spot.Edit(TwoBays, Officer, Monday.AddHours(1), null);

        Assert.Single(spot.History);
    }

    [Fact]
    public void Editing_RecordsBeforeAndAfter()
    {
        var spot = NewSpot();

        spot.Edit(TwoBays with { Bays = 4 }, Officer, Monday.AddHours(2), "corner widened");

        var edited = spot.History[^1];
        Assert.Contains("bays=2", edited.From, StringComparison.Ordinal);
        Assert.Contains("bays=4", edited.To, StringComparison.Ordinal);
        Assert.Equal(Monday.AddHours(2), spot.UpdatedAtUtc);
    }

    [Fact]
    public void RejectingWithoutAReason_IsRefused()
    {
        var spot = NewSpot();

        Assert.Throws<DomainRuleViolated>(() => spot.ChangeStatus(SpotStatus.Rejected, Officer, Monday, " "));
        Assert.Equal(SpotStatus.Candidate, spot.Status);
    }

    [Fact]
    public void ForbiddenMove_IsRefusedAndChangesNothing()
    {
        var spot = NewSpot();

        Assert.Throws<DomainRuleViolated>(() => spot.ChangeStatus(SpotStatus.Realised, Officer, Monday, null));
        Assert.Single(spot.History);
    }

    [Fact]
    public void RetiredSpot_CannotBeMovedOrEdited()
    {
        var spot = NewSpot();
        spot.ChangeStatus(SpotStatus.Retired, Officer, Monday, "street redesigned");

        Assert.Throws<DomainRuleViolated>(() => spot.MoveTo(Coordinate.FromRd(191_100, 444_000), Officer, Monday, null));
        Assert.Throws<DomainRuleViolated>(() => spot.Edit(TwoBays with { Bays = 3 }, Officer, Monday, null));
        Assert.Equal(["Candidate", "Retired"], spot.History.Select(h => h.To));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    public void BayCountOutsideOneToTen_IsRefused(int bays) =>
        Assert.Throws<DomainRuleViolated>(() => Spot.Create(Guid.NewGuid(), Coordinate.FromRd(191_000, 444_000), TwoBays with { Bays = bays }, Officer, Monday));
}
