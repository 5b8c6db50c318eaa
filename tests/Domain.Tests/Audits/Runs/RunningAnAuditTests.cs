using Portal.Domain.Audits.Runs;
using Portal.Domain.Audits.Uptime;
using Portal.Domain.Common;
using Portal.Domain.Contracts;
using Portal.Domain.Terms;
using static Portal.Domain.Tests.Audits.Uptime.UptimeScenario;

namespace Portal.Domain.Tests.Audits.Runs;

/// <summary>
/// June 2026 in Amsterdam: 30 days, no daylight-saving change, S = 2,592,000 s per EVSE. Its claims window: June 30 is
/// a Tuesday; 10 working days after it are July 1, 2, 3, 6, 7, 8, 9, 10, 13 and 14 (no public holiday), so claims
/// close on Tuesday July 14 and the run can be signed from Wednesday July 15.
/// </summary>
public sealed class RunningAnAuditTests
{
    private static readonly MeasurementPeriod June = MeasurementPeriod.CalendarMonth(2026, 6, Zone);
    private static readonly DateTime Now = new(2026, 7, 1, 6, 0, 0, DateTimeKind.Utc);
    private static readonly ContractActor Officer = new("officer-1", "Ambtenaar");

    private static readonly AuditRunSubject Subject = new(Guid.NewGuid(), Guid.NewGuid(), AuditRunKind.Monthly, new DateOnly(2026, 6, 1), new DateOnly(2026, 7, 1), 2,
        new ContractTerms { AvailabilityPercentPerYear = 95m, ConnectivityPercentPerMonth = 98m });

    private static DateTimeOffset Jun(int day, int hour) => Local(2026, 6, day, hour);

    /// <summary>EVSE1 OUTOFORDER for <paramref name="outageHours"/> from June 10 08:00; EVSE2 AVAILABLE all month.</summary>
    private static AuditRunFigures Figures(int outageHours, params StatusEvent[] more)
    {
        var one = Input(June, [Ev("OUTOFORDER", Jun(10, 8)), Ev("AVAILABLE", Jun(10, 8).AddHours(outageHours)), .. more]);
        var two = Input(June) with { Evse = Evse with { EvseUid = "EVSE2" } };
        return AuditRunFigures.Of([Compute(one), Compute(two)]);
    }

    private static AuditRun Provisional(int outageHours = 10) => AuditRun.Provisional(Subject, Figures(outageHours), TermsCalendar.Default, Now);

    [Fact]
    public void Provisional_KeepsTheMetricsFiguresPerEvseAndTheAggregate()
    {
        var run = Provisional();

        Assert.Equal(AuditRunStatus.Provisional, run.Status);
        Assert.Equal(1, run.Version);
        Assert.Equal("v1", run.MetricVersion);
        Assert.Equal(2, run.ContractVersionNumber);
        Assert.Equal(95m, run.AvailabilityThresholdPercent);
        var one = run.Evses.Single(e => e.EvseUid == "EVSE1");
        Assert.Equal(2_592_000, one.S);                                   // 30 x 86,400
        Assert.Equal(36_000, one.D);                                      // 10 h x 3,600
        Assert.Equal(0.9861111111m, one.Availability);                    // (2,592,000 - 36,000) / 2,592,000 = 0.98611..., kept to 10 decimals
        Assert.Equal(UptimeVerdict.Pass, one.AvailabilityVerdict);        // 0.986 >= 0.95
        Assert.Equal(1, one.OutageCount);
        var outage = Assert.Single(run.Outages);
        Assert.Equal(new DateTime(2026, 6, 10, 6, 0, 0, DateTimeKind.Utc), outage.StartUtc);   // 08:00 in Amsterdam is 06:00 UTC in summer
        Assert.Equal(36_000, outage.CountedSeconds);
        Assert.False(outage.Excluded);
        Assert.Equal(2, run.EvseCount);
        Assert.Equal(0.9930555556m, run.TimeWeightedAvailability);        // (2 x 2,592,000 - 36,000) / (2 x 2,592,000) = 0.99305555...
        Assert.Equal(2, run.MeetingThreshold);
        Assert.Equal(new DateOnly(2026, 7, 14), run.ClaimsCloseOn);
        Assert.Empty(run.FailedAvailability);
    }

    [Fact]
    public void Failing_ListsTheEvsesBelowTheThreshold()
    {
        var run = Provisional(outageHours: 48);

        var failed = Assert.Single(run.FailedAvailability);
        Assert.Equal("EVSE1", failed.EvseUid);
        Assert.Equal(0.9333333333m, failed.Availability);                 // (2,592,000 - 48 x 3,600) / 2,592,000 = 0.9333... < 0.95
        Assert.Equal(0.5m, run.ShareMeetingThreshold);                    // 1 of 2 rated EVSEs
    }

    [Fact]
    public void Sign_WhileClaimsMayStillBeFiled_IsRefused()
    {
        var run = Provisional();

        var refused = Assert.Throws<DomainRuleViolated>(() => run.Sign(Officer, new DateOnly(2026, 7, 14), Now));

        Assert.Equal(DomainRule.AuditRunClaimsWindowOpen, refused.Rule);
        Assert.Equal(AuditRunStatus.Provisional, run.Status);
    }

    [Fact]
    public void Sign_AfterTheWindow_FreezesTheRun()
    {
        var run = Provisional();

        run.Sign(Officer, new DateOnly(2026, 7, 15), Now.AddDays(14));

        Assert.Equal(AuditRunStatus.Signed, run.Status);
        Assert.Equal("Ambtenaar", run.SignedByName);
        var refused = Assert.Throws<DomainRuleViolated>(() => run.Refresh(Figures(20), Now.AddDays(15)));
        Assert.Equal(DomainRule.AuditRunFrozen, refused.Rule);
        Assert.Equal(36_000, run.Evses.Single(e => e.EvseUid == "EVSE1").D);
        Assert.Throws<DomainRuleViolated>(() => run.Sign(Officer, new DateOnly(2026, 7, 16), Now.AddDays(15)));
    }

    [Fact]
    public void Refresh_WhileProvisional_TakesTheNewFigures()
    {
        var run = Provisional();

        run.Refresh(Figures(20), Now.AddDays(3));

        Assert.Equal(72_000, run.Evses.Single(e => e.EvseUid == "EVSE1").D);   // 20 h x 3,600
        Assert.Equal(Now.AddDays(3), run.ComputedAtUtc);
    }

    [Fact]
    public void Recompute_OfTheSameInput_IsEqual()
    {
        var run = Provisional();
        run.Sign(Officer, new DateOnly(2026, 7, 15), Now.AddDays(14));

        var comparison = run.Compare(Figures(10));

        Assert.True(comparison.Equal);
        Assert.Empty(comparison.Differences);
    }

    [Fact]
    public void Recompute_OfChangedInput_SaysExactlyWhatChangedAndLeavesTheRun()
    {
        var run = Provisional();
        run.Sign(Officer, new DateOnly(2026, 7, 15), Now.AddDays(14));
        var fingerprint = run.Fingerprint;

        // One more hour OUTOFORDER on June 20 from 12:00 on EVSE1.
        var comparison = run.Compare(Figures(10, Ev("OUTOFORDER", Jun(20, 12)), Ev("AVAILABLE", Jun(20, 13))));

        Assert.False(comparison.Equal);
        Assert.False(comparison.FingerprintEqual);
        Assert.All(comparison.Differences, d => Assert.Equal("NL*ABC*LOC1*EVSE1", d.EvseKey));   // EVSE2 is unchanged
        Assert.Contains(comparison.Differences, d => d.Figure == AuditRunComparison.InputFigure);
        Assert.Contains(new AuditRunDifference("NL*ABC*LOC1*EVSE1", "D", "36000", "39600"), comparison.Differences);           // 36,000 + 3,600
        Assert.Contains(new AuditRunDifference("NL*ABC*LOC1*EVSE1", "OutageCount", "1", "2"), comparison.Differences);
        Assert.Contains(new AuditRunDifference("NL*ABC*LOC1*EVSE1", "Availability", "0.9861111111", "0.9847222222"), comparison.Differences);
        // 2,556,000 / 2,592,000 = 0.98611111...; (2,592,000 - 39,600) / 2,592,000 = 2,552,400 / 2,592,000 = 0.98472222...
        Assert.Equal(fingerprint, run.Fingerprint);
        Assert.Equal(36_000, run.Evses.Single(e => e.EvseUid == "EVSE1").D);
    }

    [Fact]
    public void Correct_WithoutReason_IsRefused()
    {
        var run = Provisional();
        run.Sign(Officer, new DateOnly(2026, 7, 15), Now.AddDays(14));

        var refused = Assert.Throws<DomainRuleViolated>(() => run.Correct(" ", Figures(12), Officer, Now.AddDays(20)));

        Assert.Equal(DomainRule.AuditRunReasonMissing, refused.Rule);
        Assert.Equal(AuditRunStatus.Signed, run.Status);
    }

    [Fact]
    public void Correct_OfAProvisionalRun_IsRefused()
    {
        var run = Provisional();

        var refused = Assert.Throws<DomainRuleViolated>(() => run.Correct("late CDRs", Figures(12), Officer, Now));

        Assert.Equal(DomainRule.AuditRunNotSigned, refused.Rule);
    }

    [Fact]
    public void Correct_IsANewSignedVersionThatSupersedesTheSignedOne()
    {
        var run = Provisional();
        run.Sign(Officer, new DateOnly(2026, 7, 15), Now.AddDays(14));

        var correction = run.Correct("Storing netbeheerder alsnog aangetoond", Figures(12), Officer, Now.AddDays(20));

        Assert.Equal(2, correction.Version);
        Assert.Equal(AuditRunStatus.Signed, correction.Status);
        Assert.Equal(run.Id, correction.Corrects);
        Assert.Equal("Storing netbeheerder alsnog aangetoond", correction.CorrectionReason);
        Assert.Equal(43_200, correction.Evses.Single(e => e.EvseUid == "EVSE1").D);   // 12 h x 3,600
        Assert.Equal(AuditRunStatus.Superseded, run.Status);
        Assert.Equal(correction.Id, run.SupersededBy);
        Assert.Equal(36_000, run.Evses.Single(e => e.EvseUid == "EVSE1").D);          // the superseded figures stay as signed
        Assert.Throws<DomainRuleViolated>(() => run.Correct("again", Figures(13), Officer, Now.AddDays(21)));
    }
}
