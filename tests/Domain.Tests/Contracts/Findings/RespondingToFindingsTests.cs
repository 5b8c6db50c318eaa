using Portal.Domain.Common;
using Portal.Domain.Contracts;
using Portal.Domain.Contracts.Evidence;
using Portal.Domain.Contracts.Findings;
using Portal.Domain.Terms;

namespace Portal.Domain.Tests.Contracts.Findings;

public sealed class RespondingToFindingsTests
{
    private static readonly ContractActor Cpo = new("cpo-1", "Chris Operator");
    private static readonly ContractActor Officer = ContractTestData.Officer;
    private static readonly TermsCalendar Calendar = TermsCalendar.Default;

    /// <summary>Found on Monday 2 March 2026 (9:00 UTC, 10:00 in Arnhem).</summary>
    private static readonly DateTime FoundAt = ContractTestData.Now;

    private static ContractFinding Finding(DateOnly foundOn, DateTime foundAt) =>
        ContractFinding.TimelinessBelowMinimum(Guid.NewGuid(), new DateOnly(2026, 2, 1), 91.5m, 95m, 60, foundOn, foundAt);

    private static FindingResponse Opened() => FindingResponse.Open(Finding(new DateOnly(2026, 3, 2), FoundAt), 10, Calendar, FoundAt);

    private static DateTime OnDay(int month, int day) => new(2026, month, day, 9, 0, 0, DateTimeKind.Utc);

    [Theory]
    // Monday 2 March + 10 working days: 3, 4, 5, 6 (4), 9 to 13 (9), Monday 16 March (10).
    [InlineData("2026-03-02", 10, "2026-03-16")]
    // Thursday 23 April: 24 (1), King's Day Monday 27 April rests, 28, 29, 30 April, 1 May (5), 4 May (6), Liberation Day
    // Tuesday 5 May rests, 6, 7, 8 (9), Monday 11 May (10).
    [InlineData("2026-04-23", 10, "2026-05-11")]
    // Friday 6 March + 3 working days: Monday 9, Tuesday 10, Wednesday 11 March.
    [InlineData("2026-03-06", 3, "2026-03-11")]
    public void TheDeadline_CountsWorkingDaysFromTheDayFound(string foundOn, int workingDays, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            FindingResponse.DeadlineFor(DateOnly.Parse(foundOn, System.Globalization.CultureInfo.InvariantCulture), workingDays, Calendar));

    [Fact]
    public void TheReminder_FallsTwoWorkingDaysBeforeTheDeadline()
    {
        // Deadline Monday 16 March: Friday 13 (1), Thursday 12 March (2).
        Assert.Equal(new DateOnly(2026, 3, 12), FindingResponse.ReminderOn(new DateOnly(2026, 3, 16), Calendar));
        // Deadline Monday 11 May 2026: Friday 8 (1), Thursday 7 May (2).
        Assert.Equal(new DateOnly(2026, 5, 7), FindingResponse.ReminderOn(new DateOnly(2026, 5, 11), Calendar));
    }

    [Fact]
    public void AnOpenedFinding_HasItsDeadline_AndIsOverdueOnlyAfterIt()
    {
        var response = Opened();

        Assert.Equal((FindingState.Open, new DateOnly(2026, 3, 16)), (response.State, response.Deadline));
        Assert.False(response.IsOverdueOn(new DateOnly(2026, 3, 16)));
        Assert.False(response.MarkOverdue(new DateOnly(2026, 3, 16), OnDay(3, 16)));
        Assert.True(response.IsOverdueOn(new DateOnly(2026, 3, 17)));
        Assert.True(response.MarkOverdue(new DateOnly(2026, 3, 17), OnDay(3, 17)));
        Assert.False(response.MarkOverdue(new DateOnly(2026, 3, 18), OnDay(3, 18)));
        Assert.Equal(FindingState.Overdue, response.State);
        Assert.Equal([FindingStepKind.Opened, FindingStepKind.MarkedOverdue], response.Steps.Select(s => s.Kind));
    }

    [Fact]
    public void TheCpoAnswers_WithAnAttachment_AndTheOfficerCloses()
    {
        var response = Opened();

        response.Respond("  Het tarief is per 1 maart verlaagd.  ", new FindingAttachment(@"C:\fakepath\tarief.pdf", "application/pdf", 2048, "key-1"), Cpo, OnDay(3, 5));
        response.Close(FindingClosure.Resolved, "Nieuw tarief gezien", Officer, OnDay(3, 9));

        Assert.Equal((FindingState.Closed, FindingClosure.Resolved, "Nieuw tarief gezien"), (response.State, response.Closure, response.DecisionReason));
        Assert.Equal(("Het tarief is per 1 maart verlaagd.", "tarief.pdf", 2048L), (response.Answer, response.AttachmentFileName, response.AttachmentSizeBytes));
        Assert.Equal([FindingStepKind.Opened, FindingStepKind.Answered, FindingStepKind.Closed], response.Steps.Select(s => s.Kind));
        Assert.Equal(("", "Chris Operator", "Anna de Vries"), (response.Steps[0].ByName, response.Steps[1].ByName, response.Steps[2].ByName));
        var twice = Assert.Throws<DomainRuleViolated>(() => response.Escalate("toch", null, Officer, OnDay(3, 10)));
        Assert.Equal(DomainRule.FindingAlreadyDecided, twice.Rule);
    }

    [Fact]
    public void AnAnswerNeedsText_AndAnAttachmentWithinTheLimit()
    {
        var response = Opened();

        Assert.Equal(DomainRule.FindingAnswerMissing, Assert.Throws<DomainRuleViolated>(() => response.Respond("   ", null, Cpo, OnDay(3, 5))).Rule);
        Assert.Equal(DomainRule.FileTooLarge, Assert.Throws<DomainRuleViolated>(() =>
            response.Respond("Zie bijlage", new FindingAttachment("groot.pdf", "application/pdf", FindingResponse.MaxAttachmentBytes + 1, "key"), Cpo, OnDay(3, 5))).Rule);
        Assert.Equal(DomainRule.FindingTextTooLong, Assert.Throws<DomainRuleViolated>(() =>
            response.Respond(new string('x', FindingResponse.MaxAnswerLength + 1), null, Cpo, OnDay(3, 5))).Rule);
        Assert.Equal(FindingState.Open, response.State);
    }

    [Fact]
    public void AnOverdueFinding_MayStillBeAnsweredLate()
    {
        var response = Opened();
        response.MarkOverdue(new DateOnly(2026, 3, 17), OnDay(3, 17));

        response.Respond("Excuses, te laat gezien.", null, Cpo, OnDay(3, 18));

        Assert.Equal(FindingState.Answered, response.State);
        Assert.Equal(FindingStepKind.AnsweredLate, response.Steps[^1].Kind);
    }

    [Fact]
    public void TheOfficerReopens_WithANewDeadline_AndTheCpoAnswersAgain()
    {
        var response = Opened();
        response.Respond("Opgelost.", null, Cpo, OnDay(3, 5));

        // Reopened on Wednesday 11 March: + 10 working days = 12, 13 (2), 16 to 20 (7), 23, 24, Wednesday 25 March (10).
        response.Reopen("Stuur het nieuwe tarief mee.", 10, Calendar, Officer, OnDay(3, 11));

        Assert.Equal((FindingState.Open, new DateOnly(2026, 3, 25)), (response.State, response.Deadline));
        Assert.Equal(DomainRule.FindingNotAnswered,
            Assert.Throws<DomainRuleViolated>(() => response.Reopen("nog eens", 10, Calendar, Officer, OnDay(3, 12))).Rule);
        response.Respond("Tarief in de bijlage.", null, Cpo, OnDay(3, 12));
        Assert.Equal([FindingStepKind.Opened, FindingStepKind.Answered, FindingStepKind.Reopened, FindingStepKind.Answered], response.Steps.Select(s => s.Kind));
    }

    [Fact]
    public void AnOpenFindingBeforeItsDeadline_CannotBeEscalated_ButAfterItCan()
    {
        var response = Opened();
        var penalty = new ProposedPenalty(ContractTerm.DataLatency, 1000m, 1, 1000m, "1000 euro per maand");

        var early = Assert.Throws<DomainRuleViolated>(() => response.Escalate("Geen reactie", penalty, Officer, OnDay(3, 16)));
        Assert.Equal(DomainRule.FindingStillOpen, early.Rule);

        response.Escalate("Geen reactie", penalty, Officer, OnDay(3, 17));

        Assert.Equal((FindingState.Escalated, ContractTerm.DataLatency, 1, 1000m), (response.State, response.PenaltyTerm, response.PenaltyUnits, response.PenaltyEuro));
    }

    [Fact]
    public void ClosingAndEscalating_NeedAReason()
    {
        var response = Opened();
        response.Respond("Opgelost.", null, Cpo, OnDay(3, 5));

        Assert.Equal(DomainRule.FindingReasonMissing, Assert.Throws<DomainRuleViolated>(() => response.Close(FindingClosure.Accepted, " ", Officer, OnDay(3, 6))).Rule);
        Assert.Equal(DomainRule.FindingReasonMissing, Assert.Throws<DomainRuleViolated>(() => response.Escalate(null, null, Officer, OnDay(3, 6))).Rule);
        Assert.Equal(DomainRule.FindingNotOpen, Assert.Throws<DomainRuleViolated>(() => response.Respond("nog iets", null, Cpo, OnDay(3, 6))).Rule);
    }
}
