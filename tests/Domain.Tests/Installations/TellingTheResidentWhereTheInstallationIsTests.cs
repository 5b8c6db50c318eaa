using Portal.Domain.Installations;
using static Portal.Domain.Tests.Installations.InstallationTestData;

namespace Portal.Domain.Tests.Installations;

public sealed class TellingTheResidentWhereTheInstallationIsTests
{
    private static readonly DateOnly Today = D(2026, 3, 20);

    [Fact]
    public void AFreshCase_IsAssigned_OnTheDayItWasOpened()
    {
        // Opened at noon Dutch time on 2 March: the Dutch day is 2 March.
        var status = ResidentInstallationStatus.Of(Opened(D(2026, 3, 2)), Today);

        Assert.Equal(new ResidentInstallationStatus(ResidentInstallationStage.Assigned, D(2026, 3, 2)), status);
    }

    [Fact]
    public void AnAcceptedCase_IsBeingPrepared_SinceTheCpoAccepted()
    {
        var status = ResidentInstallationStatus.Of(Accepted(D(2026, 3, 2), D(2026, 3, 4)), Today);

        Assert.Equal(new ResidentInstallationStatus(ResidentInstallationStage.Preparing, D(2026, 3, 4)), status);
    }

    [Fact]
    public void ARequestedConnection_SaysWhenAndTheNormsLastDay()
    {
        // The example: requested on 3 March 2026, new connection: 18 weeks = 126 days later is 7 July.
        var c = Accepted(D(2026, 3, 2), D(2026, 3, 2));
        c.RequestGridConnection(new GridConnectionRequest("Liander", "LIA-1", GridConnectionKind.NewOrWithGroundwork, D(2026, 3, 3)), null, CpoUser, Today, Noon(Today));

        var status = ResidentInstallationStatus.Of(c, Today);

        Assert.Equal(new ResidentInstallationStatus(ResidentInstallationStage.GridConnectionRequested, D(2026, 3, 3), D(2026, 7, 7)), status);
    }

    [Fact]
    public void AConnectionAboveThreeTimesEighty_HasNoLastDay()
    {
        var c = Accepted(D(2026, 3, 2), D(2026, 3, 2));
        c.RequestGridConnection(new GridConnectionRequest("Stedin", null, GridConnectionKind.AboveThreeTimesEightyAmpere, D(2026, 3, 3)), null, CpoUser, Today, Noon(Today));

        Assert.Equal(new ResidentInstallationStatus(ResidentInstallationStage.GridConnectionRequested, D(2026, 3, 3)), ResidentInstallationStatus.Of(c, Today));
    }

    [Fact]
    public void PlannedDigging_FromTodayOn_GoesBeforeTheConnection_APassedDayDoesNot()
    {
        var c = Accepted(D(2026, 3, 2), D(2026, 3, 2));
        c.RequestGridConnection(new GridConnectionRequest("Liander", null, GridConnectionKind.NewOrWithGroundwork, D(2026, 3, 3)), null, CpoUser, Today, Noon(Today));
        c.PlanDigging(D(2026, 4, 14), CpoUser, Noon(Today));

        Assert.Equal(new ResidentInstallationStatus(ResidentInstallationStage.DiggingPlanned, D(2026, 4, 14)), ResidentInstallationStatus.Of(c, Today));
        // On 15 April the digging day has passed and nothing newer is reported: back to the requested connection.
        Assert.Equal(ResidentInstallationStage.GridConnectionRequested, ResidentInstallationStatus.Of(c, D(2026, 4, 15)).Stage);
    }

    [Fact]
    public void ARealisedConnection_ThenPlacement_ThenCommissioning_EachTakeOver()
    {
        var c = Accepted(D(2026, 3, 2), D(2026, 3, 2));
        var later = D(2026, 6, 30);
        c.RequestGridConnection(new GridConnectionRequest("Liander", null, GridConnectionKind.NewOrWithGroundwork, D(2026, 3, 3)), null, CpoUser, later, Noon(later));
        c.RecordGridConnected(D(2026, 5, 12), CpoUser, later, Noon(later));
        Assert.Equal(new ResidentInstallationStatus(ResidentInstallationStage.GridConnected, D(2026, 5, 12)), ResidentInstallationStatus.Of(c, later));

        c.Report(InstallationStep.ChargePointPlaced, D(2026, 6, 2), null, CpoUser, later, Noon(later));
        Assert.Equal(new ResidentInstallationStatus(ResidentInstallationStage.ChargePointPlaced, D(2026, 6, 2)), ResidentInstallationStatus.Of(c, later));

        var match = new ProposedCommissioning(new CommissioningCandidate("NL*VAT*L1", Cpo, default, []), 8, ["E1"]);
        c.ConfirmCommissioning(match, D(2026, 6, 29), CpoUser, later, Noon(later));
        Assert.Equal(new ResidentInstallationStatus(ResidentInstallationStage.InOperation, D(2026, 6, 29)), ResidentInstallationStatus.Of(c, later));
    }

    [Fact]
    public void APausedCase_StandsStill_ACancelledOneStopped()
    {
        var paused = Accepted(D(2026, 3, 2), D(2026, 3, 2));
        paused.Pause("Geen netcapaciteit", Officer, Noon(Today));
        var cancelled = Accepted(D(2026, 3, 2), D(2026, 3, 2));
        cancelled.Cancel("Plek ongeschikt", Officer, Noon(Today));

        Assert.Equal(new ResidentInstallationStatus(ResidentInstallationStage.Paused, null), ResidentInstallationStatus.Of(paused, Today));
        Assert.Equal(new ResidentInstallationStatus(ResidentInstallationStage.Stopped, null), ResidentInstallationStatus.Of(cancelled, Today));
    }
}
