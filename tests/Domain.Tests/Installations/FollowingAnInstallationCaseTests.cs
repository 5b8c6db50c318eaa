using Portal.Domain.ChargePoints;
using Portal.Domain.Common;
using Portal.Domain.Geography;
using Portal.Domain.Installations;
using Portal.Domain.Terms;
using static Portal.Domain.Tests.Installations.InstallationTestData;

namespace Portal.Domain.Tests.Installations;

public sealed class FollowingAnInstallationCaseTests
{
    private static readonly DateOnly Today = D(2026, 12, 7);

    private static ProposedCommissioning Match(Guid operatorId) =>
        new(new CommissioningCandidate("NL-LPP-L1", operatorId, Coordinate.FromRd(187_000, 441_000), [new CandidateEvse("E1", EvseStatus.Available)]), 4, ["E1"]);

    [Fact]
    public void AnOpenedCase_HasEveryStepToDo_StartingWithTheCposAcceptance()
    {
        var c = Opened(D(2026, 11, 2));

        Assert.Equal(Enum.GetValues<InstallationStep>(), c.Steps.Select(s => s.Step));
        Assert.All(c.Steps, s => Assert.False(s.IsDone));
        Assert.Equal(InstallationStep.AcceptedByCpo, c.Next);
        Assert.Empty(c.Missing);
        Assert.Equal(InstallationChangeKind.Opened, Assert.Single(c.History).Kind);
    }

    [Fact]
    public void NothingIsReported_BeforeTheCpoAccepts()
    {
        var c = Opened(D(2026, 11, 2));

        var refused = Assert.Throws<DomainRuleViolated>(() => c.Report(InstallationStep.NeighboursInformed, Today, null, CpoUser, Today, Noon(Today)));

        Assert.Equal(DomainRule.InstallationNotAccepted, refused.Rule);
    }

    [Fact]
    public void StepsOutOfOrder_AreKept_AndTheCaseShowsWhatIsMissing()
    {
        var c = Accepted(D(2026, 11, 2), D(2026, 11, 3));

        c.Report(InstallationStep.DigNotificationMade, D(2026, 11, 20), "KLIC 26G123456", CpoUser, Today, Noon(Today));

        Assert.Equal([InstallationStep.LocationProposalChecked, InstallationStep.NeighboursInformed, InstallationStep.GridConnectionRequested], c.Missing);
        Assert.Equal(InstallationStep.LocationProposalChecked, c.Next);
        Assert.Equal((D(2026, 11, 20), "KLIC 26G123456", "Planner CPO"), (c[InstallationStep.DigNotificationMade].DoneOn!.Value, c[InstallationStep.DigNotificationMade].Comment, c[InstallationStep.DigNotificationMade].ReportedByName));
    }

    [Fact]
    public void AStepIsReportedOnceDone_NotAheadOfToday()
    {
        var c = Accepted(D(2026, 11, 2), D(2026, 11, 3));

        var refused = Assert.Throws<DomainRuleViolated>(() => c.Report(InstallationStep.NeighboursInformed, Today.AddDays(1), null, CpoUser, Today, Noon(Today)));

        Assert.Equal(DomainRule.InstallationDayInFuture, refused.Rule);
    }

    [Fact]
    public void ReportingAStepAgain_CorrectsIt_WithTheCorrectionInHistory()
    {
        var c = Accepted(D(2026, 11, 2), D(2026, 11, 3));
        c.Report(InstallationStep.NeighboursInformed, D(2026, 11, 10), null, CpoUser, Today, Noon(Today));

        c.Report(InstallationStep.NeighboursInformed, D(2026, 11, 9), "Brief verstuurd op maandag", CpoUser, Today, Noon(Today));

        Assert.Equal(D(2026, 11, 9), c[InstallationStep.NeighboursInformed].DoneOn);
        Assert.Equal(
            [InstallationChangeKind.Opened, InstallationChangeKind.StepReported, InstallationChangeKind.StepReported, InstallationChangeKind.StepCorrected],
            c.History.Select(h => h.Kind));
    }

    [Fact]
    public void CommissioningIsNotAClick_ButAConfirmedMatchWithTheCposData()
    {
        var c = Accepted(D(2026, 11, 2), D(2026, 11, 3));

        Assert.Equal(DomainRule.CommissioningNeedsData, Assert.Throws<DomainRuleViolated>(() => c.Report(InstallationStep.Commissioned, Today, null, Officer, Today, Noon(Today))).Rule);
        Assert.Equal(DomainRule.CommissioningOtherOperator, Assert.Throws<DomainRuleViolated>(() => c.ConfirmCommissioning(Match(Guid.NewGuid()), Today, Officer, Today, Noon(Today))).Rule);

        c.ConfirmCommissioning(Match(Cpo), D(2026, 12, 4), Officer, Today, Noon(Today));

        Assert.Equal(D(2026, 12, 4), c[InstallationStep.Commissioned].DoneOn);
        Assert.Equal("NL-LPP-L1", c.CommissionedLocationSourceId);
        Assert.Equal(["E1"], c.CommissionedEvseUids);
        Assert.Equal(InstallationChangeKind.Commissioned, c.History[^1].Kind);
    }

    [Fact]
    public void TheGridConnection_IsReportedWithItsOperator_AndItsNormRunsFromTheRequest()
    {
        var c = Accepted(D(2026, 3, 2), D(2026, 3, 2));

        c.RequestGridConnection(new GridConnectionRequest("Liander", "LIA-2026-881", GridConnectionKind.NewOrWithGroundwork, D(2026, 3, 3)), null, CpoUser, D(2026, 3, 4), Noon(D(2026, 3, 4)));

        Assert.Equal(D(2026, 3, 3), c[InstallationStep.GridConnectionRequested].DoneOn);
        Assert.Equal(D(2026, 7, 7), c.GridConnectionRequest!.DueOn);
        Assert.Empty(c.Overdue(D(2026, 7, 7), TermsCalendar.Default));
        Assert.Equal([new OverdueStep(InstallationStep.GridConnectionRequested, D(2026, 7, 7), OverdueKind.GridConnectionNorm)], c.Overdue(D(2026, 7, 8), TermsCalendar.Default));

        c.RecordGridConnected(D(2026, 7, 8), Officer, D(2026, 7, 9), Noon(D(2026, 7, 9)));

        Assert.Empty(c.Overdue(D(2026, 7, 9), TermsCalendar.Default));
        Assert.True(c.GridConnectionRequest.IsOverdue(D(2026, 7, 9)));   // realised, but a day late: that counts in the figures
    }

    [Fact]
    public void AGridConnectionIsRealised_OnlyAfterItWasRequested()
    {
        var c = Accepted(D(2026, 3, 2), D(2026, 3, 2));

        Assert.Equal(DomainRule.GridConnectionNotRequested, Assert.Throws<DomainRuleViolated>(() => c.RecordGridConnected(D(2026, 3, 5), Officer, D(2026, 3, 5), Noon(D(2026, 3, 5)))).Rule);
        Assert.Equal(DomainRule.GridOperatorMissing, Assert.Throws<DomainRuleViolated>(() => c.Report(InstallationStep.GridConnectionRequested, D(2026, 3, 5), null, CpoUser, D(2026, 3, 5), Noon(D(2026, 3, 5)))).Rule);
    }

    [Fact]
    public void OverdueSteps_PlannedDaysAndTheDigNotificationsLastDay_EarliestFirst()
    {
        var c = Accepted(D(2026, 11, 2), D(2026, 11, 3));
        c.Plan(InstallationStep.LocationProposalChecked, D(2026, 11, 30), Officer, Noon(D(2026, 11, 4)));
        c.Plan(InstallationStep.NeighboursInformed, D(2026, 12, 8), Officer, Noon(D(2026, 11, 4)));
        // Digging on Thursday 10 December: the notification is due on Monday 7 December at the latest.
        c.PlanDigging(D(2026, 12, 10), CpoUser, Noon(D(2026, 11, 4)));

        Assert.Equal([new OverdueStep(InstallationStep.LocationProposalChecked, D(2026, 11, 30), OverdueKind.PlannedDayPassed)], c.Overdue(D(2026, 12, 7), TermsCalendar.Default));
        Assert.Equal(
            [
                new OverdueStep(InstallationStep.LocationProposalChecked, D(2026, 11, 30), OverdueKind.PlannedDayPassed),
                new OverdueStep(InstallationStep.DigNotificationMade, D(2026, 12, 7), OverdueKind.DigNotificationWindow),
            ],
            c.Overdue(D(2026, 12, 8), TermsCalendar.Default));
        Assert.Equal(3, c.Overdue(D(2026, 12, 9), TermsCalendar.Default).Count);
    }

    [Fact]
    public void EveryStepDone_CompletesTheCase_WhichThenNoLongerChanges()
    {
        var c = Accepted(D(2026, 3, 2), D(2026, 3, 2));
        var today = D(2026, 12, 7);
        c.RequestGridConnection(new GridConnectionRequest("Enexis", null, GridConnectionKind.ChangeWithoutGroundwork, D(2026, 3, 3)), null, CpoUser, today, Noon(today));
        foreach (var step in new[] { InstallationStep.LocationProposalChecked, InstallationStep.NeighboursInformed, InstallationStep.DigNotificationMade, InstallationStep.DiggingPermitted, InstallationStep.ChargePointPlaced, InstallationStep.SignsPlaced, InstallationStep.Informed })
            c.Report(step, D(2026, 6, 1), null, CpoUser, today, Noon(today));
        Assert.Equal(InstallationCaseStatus.Open, c.Status);

        c.ConfirmCommissioning(Match(Cpo), D(2026, 6, 2), Officer, today, Noon(today));

        Assert.Equal(InstallationCaseStatus.Completed, c.Status);
        Assert.Null(c.Next);
        Assert.Empty(c.Overdue(today, TermsCalendar.Default));
        Assert.Equal(DomainRule.InstallationCaseClosed, Assert.Throws<DomainRuleViolated>(() => c.Report(InstallationStep.Informed, today, null, CpoUser, today, Noon(today))).Rule);
    }

    [Fact]
    public void APausedCase_NeedsAReason_StillTakesReports_AndCompletesOnlyWhenResumed()
    {
        var c = Accepted(D(2026, 3, 2), D(2026, 3, 2));
        var today = D(2026, 12, 7);

        Assert.Equal(DomainRule.InstallationReasonMissing, Assert.Throws<DomainRuleViolated>(() => c.Pause(" ", Officer, Noon(today))).Rule);
        Assert.Equal(DomainRule.InstallationNotPaused, Assert.Throws<DomainRuleViolated>(() => c.Resume(Officer, Noon(today))).Rule);
        c.Pause("Geen netcapaciteit tot de netverzwaring in 2027", Officer, Noon(today));
        c.RequestGridConnection(new GridConnectionRequest("Enexis", null, GridConnectionKind.ChangeWithoutGroundwork, D(2026, 3, 3)), null, CpoUser, today, Noon(today));
        foreach (var step in new[] { InstallationStep.LocationProposalChecked, InstallationStep.NeighboursInformed, InstallationStep.DigNotificationMade, InstallationStep.DiggingPermitted, InstallationStep.ChargePointPlaced, InstallationStep.SignsPlaced, InstallationStep.Informed })
            c.Report(step, D(2026, 6, 1), null, CpoUser, today, Noon(today));
        c.ConfirmCommissioning(Match(Cpo), D(2026, 6, 2), Officer, today, Noon(today));

        Assert.Equal((InstallationCaseStatus.Paused, "Geen netcapaciteit tot de netverzwaring in 2027"), (c.Status, c.PauseReason));

        c.Resume(Officer, Noon(today));

        Assert.Equal(InstallationCaseStatus.Completed, c.Status);
        Assert.Equal([InstallationChangeKind.Resumed, InstallationChangeKind.Completed], c.History.TakeLast(2).Select(h => h.Kind));
    }

    [Fact]
    public void ACase_MovesToAnotherSpot_UntilTheChargePointIsPlaced()
    {
        var c = Accepted(D(2026, 3, 2), D(2026, 3, 2));
        var first = c.SpotId;
        var other = Guid.NewGuid();

        Assert.Equal(DomainRule.InstallationMoveToSameSpot, Assert.Throws<DomainRuleViolated>(() => c.MoveTo(first, "Boomwortels", Officer, Noon(Today))).Rule);
        c.MoveTo(other, "Boomwortels onder de eerste plek", Officer, Noon(Today));
        Assert.Equal(other, c.SpotId);
        Assert.Equal(D(2026, 3, 2), c[InstallationStep.AcceptedByCpo].DoneOn);   // what was done stays

        c.Report(InstallationStep.ChargePointPlaced, Today, null, CpoUser, Today, Noon(Today));

        Assert.Equal(DomainRule.InstallationMoveAfterPlacement, Assert.Throws<DomainRuleViolated>(() => c.MoveTo(first, "Toch terug", Officer, Noon(Today))).Rule);
    }

    [Fact]
    public void ACancelledCase_IsClosed_WithItsReasonInHistory()
    {
        var c = Accepted(D(2026, 3, 2), D(2026, 3, 2));

        c.Cancel("Aanvrager verhuisd, geen vraag meer in de straat", Officer, Noon(Today));

        Assert.True(c.IsClosed);
        Assert.Equal((InstallationChangeKind.Cancelled, "Aanvrager verhuisd, geen vraag meer in de straat"), (c.History[^1].Kind, c.History[^1].Text));
        Assert.Empty(c.Overdue(Today, TermsCalendar.Default));
        Assert.Equal(DomainRule.InstallationCaseClosed, Assert.Throws<DomainRuleViolated>(() => c.Pause("x", Officer, Noon(Today))).Rule);
    }
}
