using Portal.Domain.Common;
using Portal.Domain.Faults;

namespace Portal.Domain.Tests.Faults;

public sealed class HandlingAFaultReportTests
{
    private static readonly DateTime Reported = new(2026, 12, 7, 10, 0, 0, DateTimeKind.Utc);
    private static readonly FaultActor Cpo = new("u1", "Carla CPO");
    private static readonly FaultContractTerms Terms = new(Guid.NewGuid(), 4m, 48m);

    private static FaultReport NewReport(string? email = "piet@example.nl") =>
        FaultReport.Report("ST-2026-0001", Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(),
            FaultSubmission.Create("E1", FaultKind.DoesNotCharge, "  Laadt niet, scherm blijft zwart  ", Reported.AddHours(-1), email, Reported), "nl", Terms, Reported);

    [Fact]
    public void AReport_KeepsWhatWasTyped_Trimmed_AndTheTermsOfItsContract()
    {
        var report = NewReport();

        Assert.Equal((FaultReportStatus.Reported, "Laadt niet, scherm blijft zwart", "E1", "piet@example.nl"), (report.Status, report.Description, report.EvseUid, report.ReporterEmail));
        Assert.Equal((Terms.ContractId, 4m, 48m), (report.ContractId, report.MaxResponseHours, report.MaxRepairHours));
    }

    [Theory]
    [InlineData(FaultKind.Other, "", "", DomainRule.FaultDescriptionMissing)]
    [InlineData(FaultKind.Other, "Kapot", "piet@", DomainRule.FaultEmailInvalid)]
    [InlineData(FaultKind.Other, "Kapot", "piet @example.nl", DomainRule.FaultEmailInvalid)]
    [InlineData((FaultKind)99, "Kapot", "", DomainRule.FaultKindMissing)]
    public void ASubmission_WithoutDescription_OrWithABadAddress_OrAnUnknownKind_IsRefused(FaultKind kind, string description, string email, DomainRule rule)
    {
        Assert.Equal(rule, Assert.Throws<DomainRuleViolated>(() => FaultSubmission.Create(null, kind, description, Reported, email, Reported)).Rule);
    }

    [Fact]
    public void ASubmission_NoticedInTheFuture_IsRefused_ButAPhoneAFewMinutesAhead_IsNot()
    {
        // 15 minutes of clock skew allowed: 10:14 is fine when it is 10:00, 10:16 is not.
        Assert.NotNull(FaultSubmission.Create(null, FaultKind.Other, "Kapot", Reported.AddMinutes(14), null, Reported));
        Assert.Equal(DomainRule.FaultNoticedInFuture, Assert.Throws<DomainRuleViolated>(() => FaultSubmission.Create(null, FaultKind.Other, "Kapot", Reported.AddMinutes(16), null, Reported)).Rule);
        Assert.Equal(DomainRule.FaultTextTooLong, Assert.Throws<DomainRuleViolated>(() => FaultSubmission.Create(null, FaultKind.Other, new string('x', 2001), Reported, null, Reported)).Rule);
    }

    [Fact]
    public void AcknowledgingAndResolving_StopTheClocks_InElapsedHours_AgainstTheTerms()
    {
        var report = NewReport();
        // Acknowledged 3 h 30 min after the report: 3.5 h within the 4 h maximum.
        report.Acknowledge(Cpo, Reported.AddHours(3.5));
        // Resolved on Wednesday 9 December 14:00, 52 h after Monday 10:00 (14 + 24 + 14), counted through the night
        // (plain elapsed hours): over the 48 h maximum.
        report.Resolve(new FaultActor("u2", "Ruud Reparatie"), "Laadkabel vervangen.", Reported.AddHours(52));

        Assert.Equal(new FaultClock(3.5m, 4m, true, FaultClockOutcome.InTime), report.ResponseClock(Reported.AddDays(10)));
        Assert.Equal(new FaultClock(52m, 48m, true, FaultClockOutcome.Late), report.RepairClock(Reported.AddDays(10)));
        Assert.Equal(("Carla CPO", "Ruud Reparatie", "Laadkabel vervangen.", FaultReportStatus.Resolved), (report.AcknowledgedByName, report.ResolvedByName, report.Answer, report.Status));
    }

    [Fact]
    public void OpenClocks_RunToNow_AndTurnOverdue_PastTheMaximum()
    {
        var report = NewReport();

        // 3 h 59 min after the report: 3.98 h (59/60 = 0.983, rounded to 2 decimals), still running within 4 h.
        Assert.Equal(new FaultClock(3.98m, 4m, false, FaultClockOutcome.Running), report.ResponseClock(Reported.AddMinutes(239)));
        // 4 h 6 min: 4.1 h, overdue while still open.
        Assert.Equal(new FaultClock(4.1m, 4m, false, FaultClockOutcome.RunningOverdue), report.ResponseClock(Reported.AddMinutes(246)));
    }

    [Fact]
    public void WithoutAContractMaximum_TheTimeIsMeasured_NotJudged()
    {
        var report = FaultReport.Report("ST-2026-0002", Guid.NewGuid(), Guid.NewGuid(), null,
            FaultSubmission.Create(null, FaultKind.Damaged, "Paal scheef", Reported, null, Reported), "en", FaultContractTerms.None, Reported);
        report.Acknowledge(Cpo, Reported.AddHours(100));

        Assert.Equal(new FaultClock(100m, null, true, FaultClockOutcome.NoTerm), report.ResponseClock(Reported.AddDays(30)));
    }

    [Fact]
    public void ResolvingUnacknowledged_AcknowledgesAtTheSameMoment_AndNothingHappensTwice()
    {
        var report = NewReport();
        report.Resolve(Cpo, "Was een storing in de backoffice, verholpen.", Reported.AddHours(2));

        Assert.Equal((Reported.AddHours(2), Reported.AddHours(2)), (report.AcknowledgedAtUtc!.Value, report.ResolvedAtUtc!.Value));
        Assert.Equal(DomainRule.FaultAlreadyAcknowledged, Assert.Throws<DomainRuleViolated>(() => report.Acknowledge(Cpo, Reported.AddHours(3))).Rule);
        Assert.Equal(DomainRule.FaultAlreadyResolved, Assert.Throws<DomainRuleViolated>(() => report.Resolve(Cpo, "Nogmaals", Reported.AddHours(3))).Rule);
    }

    [Fact]
    public void Resolving_NeedsAnAnswer()
    {
        var report = NewReport();

        Assert.Equal(DomainRule.FaultAnswerMissing, Assert.Throws<DomainRuleViolated>(() => report.Resolve(Cpo, "  ", Reported.AddHours(1))).Rule);
        Assert.Equal(FaultReportStatus.Reported, report.Status);
    }

    [Fact]
    public void TheReportersAddress_IsRemoved_OnlyOnceTheRetentionAfterResolutionPassed()
    {
        var report = NewReport();
        var retention = TimeSpan.FromDays(30);
        Assert.False(report.RemoveReporterEmail(retention, Reported.AddDays(365)));   // open: kept
        report.Resolve(Cpo, "Opgelost.", Reported.AddDays(1));

        // Resolved on 8 December 10:00; 30 days later is 7 January 2027 10:00.
        Assert.False(report.RemoveReporterEmail(retention, new DateTime(2027, 1, 7, 9, 59, 0, DateTimeKind.Utc)));
        Assert.True(report.RemoveReporterEmail(retention, new DateTime(2027, 1, 7, 10, 0, 0, DateTimeKind.Utc)));
        Assert.Equal((null, new DateTime(2027, 1, 7, 10, 0, 0, DateTimeKind.Utc)), (report.ReporterEmail, report.ReporterEmailRemovedAtUtc));
        Assert.Equal("Opgelost.", report.Answer);
    }
}
