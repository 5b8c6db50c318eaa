using Portal.Domain.Applications;
using Portal.Domain.Common;

namespace Portal.Domain.Tests.Applications;

public sealed class ComputingTheDecisionDeadlineTests
{
    // Monday 2 March 2026; eight weeks (56 days) later is Monday 27 April 2026.
    private static readonly DateTime Submitted = Utc(2026, 3, 2, 9, 30);

    private static DateTime Utc(int year, int month, int day, int hour = 0, int minute = 0, int second = 0) =>
        new(year, month, day, hour, minute, second, DateTimeKind.Utc);

    private static DecisionDeadline Deadline(params InformationPause[] pauses) =>
        DecisionDeadline.For(Submitted, DecisionDeadlineSettings.Default, pauses);

    [Fact]
    public void NoPause_EndsEightWeeksAfterSubmission()
    {
        var deadline = Deadline();

        Assert.Equal(Utc(2026, 4, 27), deadline.LastDayUtc(Submitted));
        Assert.Equal(56, deadline.DaysLeft(Submitted));
    }

    [Fact]
    public void ConfiguredSixWeeks_EndsOnThirteenApril() =>
        Assert.Equal(Utc(2026, 4, 13), DecisionDeadline.For(Submitted, new(decisionWeeks: 6)).LastDayUtc(Submitted));

    [Fact]
    public void LastMomentOfTheLastDay_IsNotOverdue()
    {
        // 23:59:59 in Arnhem on 27 April (summer time, UTC+2).
        var lastMoment = Utc(2026, 4, 27, 21, 59, 59);

        Assert.False(Deadline().IsOverdue(lastMoment));
        Assert.Equal(0, Deadline().DaysLeft(lastMoment));
    }

    [Fact]
    public void MidnightAfterTheLastDay_IsOverdue()
    {
        // 00:00 in Arnhem on 28 April.
        var midnight = Utc(2026, 4, 27, 22);

        Assert.True(Deadline().IsOverdue(midnight));
        Assert.Equal(-1, Deadline().DaysLeft(midnight));
    }

    [Fact]
    public void AnsweredPauseOfSevenDays_MovesTheDeadlineToFourMay()
    {
        var deadline = Deadline(new InformationPause(Utc(2026, 3, 10, 14), Utc(2026, 3, 17, 8)));

        Assert.Equal(7, deadline.PausedDays(Utc(2026, 4, 1)));
        Assert.Equal(Utc(2026, 5, 4), deadline.LastDayUtc(Utc(2026, 4, 1)));
        Assert.False(deadline.IsOverdue(Utc(2026, 4, 30)));
    }

    [Fact]
    public void TwoPausesOfSevenAndFourteenDays_MoveTheDeadlineToEighteenMay()
    {
        var deadline = Deadline(
            new InformationPause(Utc(2026, 4, 1, 10), Utc(2026, 4, 15, 16)),
            new InformationPause(Utc(2026, 3, 10, 14), Utc(2026, 3, 17, 8)));

        Assert.Equal(21, deadline.PausedDays(Utc(2026, 5, 1)));
        Assert.Equal(Utc(2026, 5, 18), deadline.LastDayUtc(Utc(2026, 5, 1)));
        Assert.Equal(17, deadline.DaysLeft(Utc(2026, 5, 1)));
    }

    [Fact]
    public void OpenPause_KeepsTheClockStillUntilToday()
    {
        var deadline = Deadline(new InformationPause(Utc(2026, 4, 20, 11)));
        var now = Utc(2026, 4, 30, 12);

        Assert.True(deadline.IsPaused);
        Assert.Equal(10, deadline.PausedDays(now));
        Assert.Equal(Utc(2026, 5, 7), deadline.LastDayUtc(now));
        Assert.False(deadline.IsOverdue(now));
    }

    [Fact]
    public void AnswerOnTheDayOfTheRequest_PausesNothing() =>
        Assert.Equal(0, Deadline(new InformationPause(Utc(2026, 3, 10, 9), Utc(2026, 3, 10, 17))).PausedDays(Utc(2026, 4, 1)));

    [Fact]
    public void Extension_AddsEightWeeksToTwentyTwoJune()
    {
        var extended = Deadline().Extend(Utc(2026, 4, 20, 8));

        Assert.True(extended.IsExtended);
        Assert.Equal(Utc(2026, 6, 22), extended.LastDayUtc(Utc(2026, 5, 1)));
        Assert.False(extended.IsOverdue(Utc(2026, 6, 22, 21, 59, 59)));
        Assert.True(extended.IsOverdue(Utc(2026, 6, 22, 22)));
    }

    [Fact]
    public void ExtensionAfterASevenDayPause_EndsTwentyNineJune()
    {
        var extended = Deadline(new InformationPause(Utc(2026, 3, 10, 14), Utc(2026, 3, 17, 8))).Extend(Utc(2026, 4, 20));

        Assert.Equal(Utc(2026, 6, 29), extended.LastDayUtc(Utc(2026, 5, 1)));
    }

    [Fact]
    public void ConfiguredFourWeekExtension_EndsTwentyFiveMay() =>
        Assert.Equal(Utc(2026, 5, 25), DecisionDeadline.For(Submitted, new(extensionWeeks: 4)).Extend(Utc(2026, 4, 1)).LastDayUtc(Utc(2026, 4, 1)));

    [Fact]
    public void ExtensionOnTheLastDay_IsAllowed() =>
        Assert.True(Deadline().Extend(Utc(2026, 4, 27, 21)).IsExtended);   // 23:00 in Arnhem

    [Fact]
    public void ApplicationReceivedAtHalfPastMidnightInArnhem_CountsFromThatDutchDay()
    {
        // 23:30 UTC on Sunday 1 March is 00:30 on Monday 2 March in Arnhem (winter time, UTC+1): 2 March + 56 days.
        var deadline = DecisionDeadline.For(Utc(2026, 3, 1, 23, 30), DecisionDeadlineSettings.Default);

        Assert.Equal(Utc(2026, 4, 27), deadline.LastDayUtc(Utc(2026, 3, 2)));
    }

    [Fact]
    public void ApplicationReceivedAtHalfPastMidnightInSummer_CountsFromThatDutchDay()
    {
        // 22:30 UTC on 15 July is 00:30 on 16 July in Arnhem (summer time, UTC+2): 16 July + 56 days = 10 September.
        var deadline = DecisionDeadline.For(Utc(2026, 7, 15, 22, 30), DecisionDeadlineSettings.Default);

        Assert.Equal(Utc(2026, 9, 10), deadline.LastDayUtc(Utc(2026, 7, 16)));
    }

    [Fact]
    public void APauseRequestedJustAfterMidnightInArnhem_CountsDutchDays()
    {
        // Requested 00:30 on 11 March in Arnhem (23:30 UTC on 10 March), answered 17 March: 6 days, to 3 May.
        var deadline = Deadline(new InformationPause(Utc(2026, 3, 10, 23, 30), Utc(2026, 3, 17, 8)));

        Assert.Equal(6, deadline.PausedDays(Utc(2026, 4, 1)));
        Assert.Equal(Utc(2026, 5, 3), deadline.LastDayUtc(Utc(2026, 4, 1)));
    }

    [Fact]
    public void SecondExtension_IsRefused()
    {
        var extended = Deadline().Extend(Utc(2026, 4, 1));

        var error = Assert.Throws<DomainRuleViolated>(() => extended.Extend(Utc(2026, 4, 2)));
        Assert.Equal("The decision deadline was already extended on 2026-04-01; it can be extended only once.", error.Message);
    }

    [Fact]
    public void ExtensionWhenAlreadyOverdue_IsRefused()
    {
        var error = Assert.Throws<DomainRuleViolated>(() => Deadline().Extend(Utc(2026, 4, 28)));

        Assert.Equal("The decision deadline passed on 2026-04-27; an extension must be announced before that.", error.Message);
    }

    [Fact]
    public void OverlappingPauses_AreRefused() =>
        Assert.Throws<DomainRuleViolated>(() => Deadline(
            new InformationPause(Utc(2026, 3, 10), Utc(2026, 3, 20)),
            new InformationPause(Utc(2026, 3, 15), Utc(2026, 3, 25))));

    [Fact]
    public void OpenPauseFollowedByAnother_IsRefused() =>
        Assert.Throws<DomainRuleViolated>(() => Deadline(new InformationPause(Utc(2026, 3, 10)), new InformationPause(Utc(2026, 3, 15))));

    [Fact]
    public void PauseBeforeSubmission_IsRefused() =>
        Assert.Throws<DomainRuleViolated>(() => Deadline(new InformationPause(Utc(2026, 3, 1), Utc(2026, 3, 3))));

    [Fact]
    public void AnswerBeforeRequest_IsRefused() =>
        Assert.Throws<DomainRuleViolated>(() => Deadline(new InformationPause(Utc(2026, 3, 10), Utc(2026, 3, 9))));

    [Fact]
    public void LocalTime_IsRefused() =>
        Assert.Throws<DomainRuleViolated>(() => DecisionDeadline.For(new DateTime(2026, 3, 2, 9, 0, 0, DateTimeKind.Local), DecisionDeadlineSettings.Default));

    [Theory]
    [InlineData(0, 8)]
    [InlineData(8, 0)]
    [InlineData(53, 8)]
    public void TermOutsideOneToFiftyTwoWeeks_IsRefused(int decisionWeeks, int extensionWeeks) =>
        Assert.Throws<DomainRuleViolated>(() => new DecisionDeadlineSettings(decisionWeeks, extensionWeeks));
}
