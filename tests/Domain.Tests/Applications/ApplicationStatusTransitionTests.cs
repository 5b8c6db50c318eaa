using Portal.Domain.Applications;
using static Portal.Domain.Applications.ApplicationStatus;

namespace Portal.Domain.Tests.Applications;

public sealed class ApplicationStatusTransitionTests
{
    public static TheoryData<ApplicationStatus, ApplicationStatus> AllowedMoves => new()
    {
        { Draft, Submitted }, { Draft, Withdrawn },
        { Submitted, InAssessment }, { Submitted, Withdrawn },
        { InAssessment, WaitingForInformation }, { InAssessment, Approved }, { InAssessment, ReferredToExistingPoint },
        { InAssessment, Rejected }, { InAssessment, Withdrawn },
        { WaitingForInformation, InAssessment }, { WaitingForInformation, Withdrawn },
    };

    [Theory]
    [MemberData(nameof(AllowedMoves))]
    public void AllowedMove_IsAllowed(ApplicationStatus from, ApplicationStatus to) => Assert.True(ApplicationStatusRule.CanMove(from, to));

    [Fact]
    public void EveryOtherMove_IsForbidden()
    {
        var allowed = AllowedMoves.Select(row => ((ApplicationStatus)row[0], (ApplicationStatus)row[1])).ToHashSet();
        var statuses = Enum.GetValues<ApplicationStatus>();

        var forbidden = statuses.SelectMany(from => statuses.Select(to => (from, to))).Where(move => !allowed.Contains(move)).ToList();

        // 8 statuses give 64 pairs; 11 are allowed, so 53 (including the 8 "stay") are not.
        Assert.Equal(53, forbidden.Count);
        Assert.All(forbidden, move => Assert.False(ApplicationStatusRule.CanMove(move.from, move.to), $"{move.from} -> {move.to}"));
    }

    [Theory]
    [InlineData(Approved)]
    [InlineData(ReferredToExistingPoint)]
    [InlineData(Rejected)]
    [InlineData(Withdrawn)]
    public void ClosedApplication_HasNoWayOut(ApplicationStatus status)
    {
        Assert.Empty(ApplicationStatusRule.NextFrom(status));
        Assert.False(ApplicationStatusRule.IsOpen(status));
    }

    [Theory]
    [InlineData(Draft)]
    [InlineData(Submitted)]
    [InlineData(InAssessment)]
    [InlineData(WaitingForInformation)]
    public void OpenApplication_CanBeWithdrawn(ApplicationStatus status) => Assert.True(ApplicationStatusRule.IsOpen(status));
}
