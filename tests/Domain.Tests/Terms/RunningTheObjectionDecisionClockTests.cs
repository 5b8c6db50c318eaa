using Portal.Domain.Common;
using Portal.Domain.Terms;

namespace Portal.Domain.Tests.Terms;

/// <summary>
/// The decision term on an objection (Awb 7:10), counted by hand. The order was published on Thursday
/// 5 March 2026, so the objection term ended on Thursday 16 April 2026 and the decision term counts from
/// Friday 17 April.
/// </summary>
public sealed class RunningTheObjectionDecisionClockTests
{
    private static readonly TermsCalendar Calendar = TermsCalendar.Default;
    private static readonly StatutoryTerm ObjectionTerm = AwbTerms.Objection(D(2026, 3, 5), Calendar);
    private static readonly DateOnly InTime = D(2026, 4, 10);

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    private static ObjectionDecisionTerm Clock(bool committee = false, DateOnly? received = null) =>
        ObjectionDecisionTerm.For(ObjectionTerm, received ?? InTime, committee, Calendar);

    [Fact]
    public void SixWeeks_AfterTheObjectionTermEnded()
    {
        Assert.Equal(D(2026, 5, 28), Clock().LastDay(D(2026, 5, 1)));
        Assert.Equal(27, Clock().DaysLeft(D(2026, 5, 1)));
    }

    [Fact]
    public void TwelveWeeks_WithAnAdvisoryCommittee() =>
        Assert.Equal(D(2026, 7, 9), Clock(committee: true).LastDay(D(2026, 5, 1)));

    [Fact]
    public void OneExtension_AddsSixWeeks()
    {
        var extended = Clock().Extend(D(2026, 5, 20));

        Assert.Equal(D(2026, 5, 20), extended.ExtendedOn);
        Assert.Equal(D(2026, 7, 9), extended.LastDay(D(2026, 5, 20)));
        Assert.Equal(D(2026, 8, 20), Clock(committee: true).Extend(D(2026, 5, 20)).LastDay(D(2026, 5, 20)));
    }

    [Fact]
    public void ASecondExtension_IsRefused_AndNamesTheFirst()
    {
        var e = Assert.Throws<DomainRuleViolated>(() => Clock().Extend(D(2026, 5, 20)).Extend(D(2026, 6, 1)));

        Assert.Equal(DomainRule.ObjectionTermAlreadyExtended, e.Rule);
        Assert.Equal([D(2026, 5, 20)], e.Arguments);
    }

    [Fact]
    public void AnExtensionAfterTheLastDay_IsRefused()
    {
        Assert.Equal(D(2026, 7, 9), Clock().Extend(D(2026, 5, 28)).LastDay(D(2026, 5, 28)));   // on the last day itself: in time

        var e = Assert.Throws<DomainRuleViolated>(() => Clock().Extend(D(2026, 5, 29)));

        Assert.Equal(DomainRule.ObjectionTermPassed, e.Rule);
        Assert.Equal([D(2026, 5, 28)], e.Arguments);
    }

    [Fact]
    public void ARepairOfTenDays_MovesTheLastDayPastASunday()
    {
        // 28 May + 10 days = Sunday 7 June, so Monday 8 June.
        var clock = Clock().PauseForRepair(D(2026, 5, 1)).ResumeAfterRepair(D(2026, 5, 11));

        Assert.Equal(10, clock.PausedDays(D(2026, 6, 1)));
        Assert.Equal(D(2026, 6, 8), clock.LastDay(D(2026, 6, 1)));
        Assert.False(clock.IsPaused);
    }

    [Fact]
    public void WhileARepairIsOutstanding_TheLastDayMovesEveryDay()
    {
        var clock = Clock().PauseForRepair(D(2026, 5, 1));

        Assert.True(clock.IsPaused);
        Assert.Equal(D(2026, 6, 1), clock.LastDay(D(2026, 5, 5)));
        Assert.Equal(D(2026, 6, 2), clock.LastDay(D(2026, 5, 6)));
        Assert.Equal(DomainRule.RepairAlreadyRequested, Assert.Throws<DomainRuleViolated>(() => clock.PauseForRepair(D(2026, 5, 3))).Rule);
    }

    [Fact]
    public void ResumingWithoutARepairRequest_IsRefused() =>
        Assert.Equal(DomainRule.NoRepairRequested, Assert.Throws<DomainRuleViolated>(() => Clock().ResumeAfterRepair(D(2026, 5, 3))).Rule);

    [Fact]
    public void ADeferralWithConsent_SetsTheLastDay()
    {
        var clock = Clock().Extend(D(2026, 5, 20)).Defer(D(2026, 7, 1), D(2026, 9, 1), DeferralGround.ObjectorConsented);

        Assert.Equal(D(2026, 9, 1), clock.LastDay(D(2026, 7, 1)));
        Assert.Equal(DeferralGround.ObjectorConsented, clock.Deferrals[^1].Ground);
    }

    [Fact]
    public void ADeferralToASaturday_RunsToMonday() =>
        Assert.Equal(D(2026, 9, 7), Clock().Defer(D(2026, 5, 20), D(2026, 9, 5), DeferralGround.DelayCausedByObjector).LastDay(D(2026, 5, 20)));

    [Fact]
    public void ADeferralThatDoesNotMoveTheLastDay_IsRefused()
    {
        var e = Assert.Throws<DomainRuleViolated>(() => Clock(committee: true).Defer(D(2026, 5, 20), D(2026, 7, 1), DeferralGround.ObjectorConsented));

        Assert.Equal(DomainRule.DeferralNotLater, e.Rule);
        Assert.Equal([D(2026, 7, 9)], e.Arguments);
    }

    [Fact]
    public void ALateObjection_CountsFromTheDayItArrived()
    {
        // Received Monday 20 April, after the term ended on 16 April: 20 April + 42 days = Monday 1 June.
        Assert.Equal(D(2026, 6, 1), Clock(received: D(2026, 4, 20)).LastDay(D(2026, 5, 1)));
    }

    [Fact]
    public void ALastDayOnChristmas_RunsToTheMondayAfter()
    {
        // An objection term ending Friday 13 November 2026: + 42 days = Friday 25 December.
        var term = new StatutoryTerm(D(2026, 10, 3), D(2026, 11, 13), D(2026, 11, 13));

        Assert.Equal(D(2026, 12, 28), ObjectionDecisionTerm.For(term, D(2026, 11, 1), false, Calendar).LastDay(D(2026, 12, 1)));
    }

    [Fact]
    public void Overdue_FromTheDayAfterTheLastDay()
    {
        Assert.False(Clock().IsOverdue(D(2026, 5, 28)));
        Assert.True(Clock().IsOverdue(D(2026, 5, 29)));
        Assert.Equal(-1, Clock().DaysLeft(D(2026, 5, 29)));
    }

    [Fact]
    public void Restored_GivesTheSameLastDay()
    {
        var clock = Clock(committee: true).Extend(D(2026, 5, 20)).PauseForRepair(D(2026, 6, 1)).ResumeAfterRepair(D(2026, 6, 4));

        var restored = ObjectionDecisionTerm.Restore(clock.CountedAfter, true, clock.ExtendedOn, clock.Pauses, clock.Deferrals, Calendar);

        Assert.Equal(clock.LastDay(D(2026, 7, 1)), restored.LastDay(D(2026, 7, 1)));
        Assert.Equal(D(2026, 8, 24), restored.LastDay(D(2026, 7, 1)));   // 20 August + 3 days = Sunday 23 August, so Monday
    }
}
