using Portal.Domain.Applications;
using Portal.Domain.Common;
using static Portal.Domain.Applications.ApplicationStatus;

namespace Portal.Domain.Tests.Applications;

public sealed class KeepingAnApplicationsHistoryTests
{
    private static readonly Guid ApplicationId = Guid.NewGuid();
    private static readonly ApplicationActor Officer = new("officer-1", "Anna de Vries");
    private static readonly DateTime Now = new(2026, 3, 2, 9, 30, 0, DateTimeKind.Utc);

    [Fact]
    public void NewDraft_IsRecordedWithoutAFromStatus()
    {
        var change = ApplicationChange.Created(ApplicationId, new("resident-7", "Piet Jansen"), Now);

        Assert.Null(change.From);
        Assert.Equal(Draft, change.To);
        Assert.Equal("resident-7", change.ByUserId);
        Assert.Equal(Now, change.AtUtc);
    }

    [Fact]
    public void AllowedMove_RecordsWhoWhenFromToAndWhy()
    {
        var change = ApplicationChange.Moved(ApplicationId, Officer, Now, InAssessment, Rejected, "  Private driveway at the address.  ");

        Assert.Equal(ApplicationId, change.ApplicationId);
        Assert.Equal("Anna de Vries", change.ByName);
        Assert.Equal(InAssessment, change.From);
        Assert.Equal(Rejected, change.To);
        Assert.Equal("Private driveway at the address.", change.Reason);
    }

    [Fact]
    public void ForbiddenMove_IsRefused()
    {
        var error = Assert.Throws<DomainRuleViolated>(() => ApplicationChange.Moved(ApplicationId, Officer, Now, Draft, Approved, null));

        Assert.Equal("An application cannot go from Draft to Approved.", error.Message);
    }

    [Theory]
    [InlineData(WaitingForInformation)]
    [InlineData(ReferredToExistingPoint)]
    [InlineData(Rejected)]
    public void DecisionWithoutReason_IsRefused(ApplicationStatus to) =>
        Assert.Throws<DomainRuleViolated>(() => ApplicationChange.Moved(ApplicationId, Officer, Now, InAssessment, to, " "));

    [Fact]
    public void ApprovalWithoutReason_IsRecordedWithoutReason() =>
        Assert.Null(ApplicationChange.Moved(ApplicationId, Officer, Now, InAssessment, Approved, "").Reason);

    [Fact]
    public void LocalTime_IsRefused() =>
        Assert.Throws<DomainRuleViolated>(() => ApplicationChange.Moved(ApplicationId, Officer, new DateTime(2026, 3, 2, 9, 0, 0, DateTimeKind.Local), Submitted, InAssessment, null));
}
