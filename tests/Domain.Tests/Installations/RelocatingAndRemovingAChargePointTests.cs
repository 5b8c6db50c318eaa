using Portal.Domain.ChargePoints;
using Portal.Domain.Common;
using Portal.Domain.Geography;
using Portal.Domain.Installations;
using static Portal.Domain.Tests.Installations.InstallationTestData;

namespace Portal.Domain.Tests.Installations;

public sealed class RelocatingAndRemovingAChargePointTests
{
    private static readonly DateOnly Today = D(2026, 12, 7);
    private static readonly Guid OldSpot = Guid.Parse("00000000-0000-0000-0000-00000000a001");
    private static readonly Guid NewSpot = Guid.Parse("00000000-0000-0000-0000-00000000a002");

    private static InstallationCase Removal() =>
        InstallationCase.Open(Guid.NewGuid(), "IN-2026-0002", InstallationCaseKind.Removal, OldSpot, Cpo, null, Officer, Noon(D(2026, 11, 2)));

    private static InstallationCase Relocation() =>
        InstallationCase.Open(Guid.NewGuid(), "IN-2026-0003", InstallationCaseKind.Relocation, NewSpot, Cpo, null, Officer, Noon(D(2026, 11, 2)), relocatedFromSpotId: OldSpot);

    [Fact]
    public void ARemoval_HasSevenSteps_WithoutLocationCheckGridConnectionOrCommissioning()
    {
        var c = Removal();

        Assert.Equal(
            [
                InstallationStep.AcceptedByCpo, InstallationStep.NeighboursInformed, InstallationStep.DigNotificationMade, InstallationStep.DiggingPermitted,
                InstallationStep.ChargePointPlaced, InstallationStep.SignsPlaced, InstallationStep.Informed,
            ],
            c.Steps.Select(s => s.Step));
        Assert.Null(c.Find(InstallationStep.Commissioned));
        Assert.Equal(DomainRule.InstallationStepNotOfKind, Assert.Throws<DomainRuleViolated>(() => c[InstallationStep.GridConnectionRequested]).Rule);
    }

    [Fact]
    public void ARemoval_RefusesTheStepsItDoesNotHave_AndCompletesWhenItsSevenAreDone()
    {
        var c = Removal();
        c.Report(InstallationStep.AcceptedByCpo, D(2026, 11, 3), null, CpoUser, Today, Noon(Today));

        Assert.Equal(DomainRule.InstallationStepNotOfKind, Assert.Throws<DomainRuleViolated>(() => c.Report(InstallationStep.LocationProposalChecked, Today, null, CpoUser, Today, Noon(Today))).Rule);
        var match = new ProposedCommissioning(new CommissioningCandidate("L1", Cpo, Coordinate.FromRd(187_000, 441_000), [new CandidateEvse("E1", EvseStatus.Available)]), 3, ["E1"]);
        Assert.Equal(DomainRule.InstallationStepNotOfKind, Assert.Throws<DomainRuleViolated>(() => c.ConfirmCommissioning(match, Today, Officer, Today, Noon(Today))).Rule);

        foreach (var step in new[] { InstallationStep.NeighboursInformed, InstallationStep.DigNotificationMade, InstallationStep.DiggingPermitted, InstallationStep.ChargePointPlaced, InstallationStep.SignsPlaced })
            c.Report(step, D(2026, 12, 1), null, CpoUser, Today, Noon(Today));
        Assert.Equal(InstallationCaseStatus.Open, c.Status);
        c.Report(InstallationStep.Informed, D(2026, 12, 2), null, Officer, Today, Noon(Today));

        Assert.Equal(InstallationCaseStatus.Completed, c.Status);
    }

    [Fact]
    public void ARemoval_StaysOnItsSpot()
    {
        var c = Removal();

        Assert.Equal(DomainRule.RemovalStaysOnItsSpot, Assert.Throws<DomainRuleViolated>(() => c.MoveTo(NewSpot, "andere plek", Officer, Noon(Today))).Rule);
    }

    [Fact]
    public void ARelocation_NamesTheSpotTheChargePointLeaves_AndHasAllTenSteps()
    {
        var c = Relocation();

        Assert.Equal(OldSpot, c.RelocatedFromSpotId);
        Assert.Equal(NewSpot, c.SpotId);
        Assert.Equal(10, c.Steps.Count);
        Assert.Equal(DomainRule.RelocationNeedsOldSpot, Assert.Throws<DomainRuleViolated>(() =>
            InstallationCase.Open(Guid.NewGuid(), "IN-2026-0004", InstallationCaseKind.Relocation, NewSpot, Cpo, null, Officer, Noon(Today))).Rule);
        Assert.Equal(DomainRule.InstallationMoveToSameSpot, Assert.Throws<DomainRuleViolated>(() =>
            InstallationCase.Open(Guid.NewGuid(), "IN-2026-0004", InstallationCaseKind.Relocation, NewSpot, Cpo, null, Officer, Noon(Today), relocatedFromSpotId: NewSpot)).Rule);
        Assert.Throws<ArgumentException>(() =>
            InstallationCase.Open(Guid.NewGuid(), "IN-2026-0004", InstallationCaseKind.NewChargePoint, NewSpot, Cpo, null, Officer, Noon(Today), relocatedFromSpotId: OldSpot));
    }

    [Fact]
    public void ARelocation_MayMoveToAThirdSpot_ButNotBackToTheOneItLeaves()
    {
        var c = Relocation();
        var third = Guid.NewGuid();

        Assert.Equal(DomainRule.InstallationMoveToSameSpot, Assert.Throws<DomainRuleViolated>(() => c.MoveTo(OldSpot, "terug", Officer, Noon(Today))).Rule);
        c.MoveTo(third, "kabels in de weg", Officer, Noon(Today));

        Assert.Equal(third, c.SpotId);
        Assert.Equal(OldSpot, c.RelocatedFromSpotId);
    }

    [Fact]
    public void LeadTimes_CountARemoval_OnlyForTheStepsItHas()
    {
        // Opened 2 November; removed on 1 December: 29 days. The new charge point's case placed it on 11 November: 9 days.
        var removal = Removal();
        removal.Report(InstallationStep.AcceptedByCpo, D(2026, 11, 3), null, CpoUser, Today, Noon(Today));
        removal.Report(InstallationStep.ChargePointPlaced, D(2026, 12, 1), null, CpoUser, Today, Noon(Today));
        var placed = Accepted(D(2026, 11, 2), D(2026, 11, 3));
        placed.Report(InstallationStep.ChargePointPlaced, D(2026, 11, 11), null, CpoUser, Today, Noon(Today));

        var perStep = LeadTimes.PerStep([removal, placed]);

        // [9 29]: median 19, p90 at h = 0.9 -> 9 + 0.9 x 20 = 27.
        Assert.Equal(2, perStep[InstallationStep.ChargePointPlaced].Count);
        Assert.Equal(19, perStep[InstallationStep.ChargePointPlaced].MedianDays!.Value, precision: 10);
        Assert.Equal(27, perStep[InstallationStep.ChargePointPlaced].Percentile90Days!.Value, precision: 10);
        Assert.Equal(new LeadTimeSummary(0, null, null), perStep[InstallationStep.Commissioned]);
        Assert.Equal(new Share(0, 0), LeadTimes.CommissionedInTime([removal], _ => D(2026, 11, 30), Today));   // a removal is never commissioned: not counted
    }
}
