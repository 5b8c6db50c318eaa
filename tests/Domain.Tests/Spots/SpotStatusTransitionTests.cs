using Portal.Domain.Spots;
using static Portal.Domain.Spots.SpotStatus;

namespace Portal.Domain.Tests.Spots;

public sealed class SpotStatusTransitionTests
{
    public static TheoryData<SpotStatus, SpotStatus> AllowedMoves => new()
    {
        { Candidate, Reserved }, { Candidate, Approved }, { Candidate, Rejected }, { Candidate, Retired },
        { Reserved, Candidate }, { Reserved, Approved }, { Reserved, Rejected }, { Reserved, Retired },
        { Approved, Reserved }, { Approved, Realised }, { Approved, Rejected }, { Approved, Retired },
        { ReadyForInstallation, Realised },
        { Realised, Retired },
        { Rejected, Candidate }, { Rejected, Retired },
    };

    [Theory]
    [MemberData(nameof(AllowedMoves))]
    public void AllowedMove_IsAllowed(SpotStatus from, SpotStatus to) => Assert.True(SpotStatusRule.CanMove(from, to));

    [Fact]
    public void EveryOtherMove_IsForbidden()
    {
        var allowed = AllowedMoves.Select(row => ((SpotStatus)row[0], (SpotStatus)row[1])).ToHashSet();
        var statuses = Enum.GetValues<SpotStatus>();

        var forbidden = statuses.SelectMany(from => statuses.Select(to => (from, to))).Where(move => !allowed.Contains(move)).ToList();

        // 8 statuses give 64 pairs; 16 are allowed by hand, so 48 (including the 8 "stay") are not.
        Assert.Equal(48, forbidden.Count);
        Assert.All(forbidden, move => Assert.False(SpotStatusRule.CanMove(move.from, move.to), $"{move.from} -> {move.to}"));
    }

    [Fact]
    public void RetiredSpot_HasNoWayOut() => Assert.Empty(SpotStatusRule.NextFrom(Retired));

    [Fact]
    public void PlannedSpot_CannotBeMovedByHand_OnlyByItsOrder() => Assert.Empty(SpotStatusRule.NextFrom(Planned));
}
