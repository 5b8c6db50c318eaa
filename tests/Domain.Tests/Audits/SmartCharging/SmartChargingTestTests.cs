using Portal.Domain.Audits.SmartCharging;
using Portal.Domain.Common;
using Portal.Domain.Contracts;
using Portal.Domain.Contracts.Evidence;

namespace Portal.Domain.Tests.Audits.SmartCharging;

public sealed class DrawingSmartChargingSessionsTests
{
    private static readonly EvseRef L1E1 = new("L1", "1"), L1E2 = new("L1", "2"), L2E1 = new("L2", "1");

    [Fact]
    public void AFixedSeed_DrawsTheHandCheckedSessions_OnePerEvse()
    {
        // L1/1 has two sessions: s-a (lowest id) stays, s-z goes. Pool in key order: [L1/1 s-a, L1/2 s-b, L2/1 s-c], N = 3, k = 2.
        // Seed 1234567: i=0 Below(3) = 6457827717110365317 mod 3 = 0 (digit sum 81) → j = 0, L1/1;
        // i=1 Below(2) = 3203168211198807973 mod 2 = 1 → j = 2, swap L1/2 and L2/1 → L2/1.
        var candidates = new[] { new SessionCandidate(L2E1, "s-c"), new SessionCandidate(L1E1, "s-z"), new SessionCandidate(L1E2, "s-b"), new SessionCandidate(L1E1, "s-a") };

        var sample = SmartChargingSampling.Draw(candidates, 2, 1234567);

        Assert.Equal([new SampledSession(1, L1E1, "s-a"), new SampledSession(2, L2E1, "s-c")], sample);
    }

    [Fact]
    public void ASizeAboveThePool_TakesEveryEvseOnce()
    {
        // N = 2 < 5: k = 2; seed 1234567, i=0 Below(2) = 6457827717110365317 mod 2 = 1 → swap: L1/2 first, then i=1 Below(1) = 0 → L1/1.
        var sample = SmartChargingSampling.Draw([new SessionCandidate(L1E1, "x"), new SessionCandidate(L1E2, "y")], 5, 1234567);

        Assert.Equal(["L1/2", "L1/1"], sample.Select(s => s.Evse.ToString()).ToArray());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(SmartChargingSampling.MaxSize + 1)]
    public void ASize_OutsideOneToTheMaximum_IsRefused(int size)
    {
        var e = Assert.Throws<DomainRuleViolated>(() => SmartChargingSampling.Draw([new SessionCandidate(L1E1, "x")], size, 1));

        Assert.Equal(DomainRule.SmartChargingSampleSize, e.Rule);
    }
}

public sealed class ChoosingTheTestProfileTests
{
    [Fact]
    public void TheLimit_IsTheContractsPowerCap_ForTheGivenShortTime_WithThePurposeWrittenDown()
    {
        var profile = SmartChargingTestProfile.For(new SmartChargingObligation { Required = true, PowerCapKw = 4m }, 900, "GLD-2026-01", new DateOnly(2026, 12, 8));

        // 4 kW × 1000 = 4000.0 W; 900 s / 60 = 15 minutes.
        Assert.Equal((4m, 4000.0m, 900), (profile.LimitKw, profile.LimitWatts, profile.DurationSeconds));
        Assert.Equal("Smart-charging compliance test of contract GLD-2026-01 on 2026-12-08: at most 4 kW for 15 minutes, as the contract allows.", profile.Purpose);
    }

    [Fact]
    public void AContractWithoutAPowerCap_OrWithoutTheObligation_GetsNoProfile()
    {
        var none = Assert.Throws<DomainRuleViolated>(() => SmartChargingTestProfile.For(SmartChargingObligation.None, 900, "X", new DateOnly(2026, 12, 8)));
        var noCap = Assert.Throws<DomainRuleViolated>(() => SmartChargingTestProfile.For(new SmartChargingObligation { Required = true }, 900, "X", new DateOnly(2026, 12, 8)));

        Assert.Equal([DomainRule.SmartChargingNotRequired, DomainRule.SmartChargingNotRequired], [none.Rule, noCap.Rule]);
    }
}

public sealed class MeasuringAdherenceFromTheCdrTests
{
    private static readonly DateTime At17 = new(2026, 12, 8, 17, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void OnlyPeriodsStartingWhileTheProfileIsInForce_Count_ByReportedPowerOrEnergyOverDuration()
    {
        // P1 17:00 (before the profile, 2 kWh) is left out. P2 17:10-17:25: 0.75 kWh / 0.25 h = 3.0 kW.
        // P3 17:25-17:40 (CDR end) reports MAX_POWER 4.6 kW, which wins over its energy (1 kWh / 0.25 h = 4 kW). Highest: 4.6.
        var periods = new[] { new MeasuredPeriod(At17, 2m, null), new MeasuredPeriod(At17.AddMinutes(10), 0.75m, null), new MeasuredPeriod(At17.AddMinutes(25), 1m, 4.6m) };

        var max = ChargingPeriodPower.MaxPowerKw(periods, At17.AddMinutes(40), At17.AddMinutes(10), At17.AddMinutes(40));

        Assert.Equal(4.6m, max);
    }

    [Fact]
    public void NoPeriodInTheWindow_MeasuresNothing()
    {
        var max = ChargingPeriodPower.MaxPowerKw([new MeasuredPeriod(At17, 2m, null)], At17.AddHours(1), At17.AddMinutes(5), At17.AddMinutes(20));

        Assert.Null(max);
        Assert.Null(ChargingPeriodPower.Adheres(max, 4m, 10m));
    }

    [Theory]
    // 4 kW + 10 % = 4.4 kW: 4.4 adheres (equal), 4.401 and 4.6 do not, 3.0 does.
    [InlineData(4.4, true)]
    [InlineData(4.401, false)]
    [InlineData(4.6, false)]
    [InlineData(3.0, true)]
    public void ThePower_MayExceedTheLimit_ByTheTolerance(double measured, bool adheres)
    {
        Assert.Equal(adheres, ChargingPeriodPower.Adheres((decimal)measured, 4m, ChargingPeriodPower.DefaultTolerancePercent));
    }
}

public sealed class JudgingASmartChargingRunTests
{
    // A took the profile and kept to it; B took it and charged above it; C is not capable; D answered but posted no
    // result; E's session was gone; F never answered.
    private static readonly EvseObservation A = new(true, "ACCEPTED", "ACCEPTED", 1000, 3.0m, true);
    private static readonly EvseObservation B = new(true, "ACCEPTED", "ACCEPTED", 3000, 4.6m, false);
    private static readonly EvseObservation C = new(false, "NOT_SUPPORTED", null, null, null, null);
    private static readonly EvseObservation D = new(true, "ACCEPTED", null, null, null, null);
    private static readonly EvseObservation E = new(true, "UNKNOWN_SESSION", null, null, null, null);
    private static readonly EvseObservation F = new(true, null, null, null, null, null);

    [Fact]
    public void TheFigures_CountCapability_TheAnswerAndResultMixes_LatencyPercentiles_AndAdherence()
    {
        var figures = SmartChargingFigures.Of(10, 8, [A, B, C, D, E, F]);

        // 8 of 10 covered EVSEs capable = 80.0 %; sampled 6, of which 5 capable (all but C).
        Assert.Equal((80.0m, 6, 5), (figures.CapablePercent, figures.Sampled, figures.SampledCapable));
        // Answers: ACCEPTED A, B, D = 3; NOT_SUPPORTED C = 1; UNKNOWN_SESSION E = 1; none F = 1.
        Assert.Equal([3, 1, 0, 0, 1], SmartChargingAnswers.Responses.Select(a => figures.AnswerMix[a]).ToArray());
        Assert.Equal(1, figures.Unanswered);
        // Results, of the 3 accepted: ACCEPTED A, B = 2; none D = 1.
        Assert.Equal([2, 0, 0], SmartChargingAnswers.Results.Select(r => figures.ResultMix[r]).ToArray());
        Assert.Equal(1, figures.WithoutResult);
        // Latencies [1000, 3000]: p50 h = 1 × 0.5 → 1000 + 0.5 × 2000 = 2000; p90 h = 0.9 → 1000 + 0.9 × 2000 = 2800.
        Assert.Equal((2000d, 2800d), (figures.LatencyP50Milliseconds!.Value, figures.LatencyP90Milliseconds!.Value));
        // Measured A and B, adhered A: 1 of 2 = 50.0 %.
        Assert.Equal((2, 1, 50.0m), (figures.Measured, figures.Adhered, figures.AdheredPercent));
    }

    [Fact]
    public void EachEvse_PassesOnlyWhenControlledAndWithinTheLimit()
    {
        Assert.Equal(
            [SmartChargingVerdict.Pass, SmartChargingVerdict.Fail, SmartChargingVerdict.Fail, SmartChargingVerdict.Fail, SmartChargingVerdict.Inconclusive, SmartChargingVerdict.Fail],
            new[] { A, B, C, D, E, F }.Select(o => o.Verdict).ToArray());
    }

    [Fact]
    public void OnlyTheAttachedRequirements_AreJudged_AndTheContractsPowerCapAlways()
    {
        // SC-4 fails (C not capable, D no result, F unanswered); SC-10 passes (answers came); SC-5 is not evidenced; the cap fails (B).
        var verdicts = SmartChargingVerdicts.Judge([A, B, C, D, E, F], [("elaad-2025", "SC-4"), ("elaad-2025", "SC-10"), ("elaad-2025", "SC-5")]);

        Assert.Equal([("SC-4", SmartChargingVerdict.Fail), ("SC-10", SmartChargingVerdict.Pass), (null, SmartChargingVerdict.Fail)],
            verdicts.Select(v => (v.Code, v.Verdict)).ToArray());
        Assert.Equal(SmartChargingVerdict.Fail, SmartChargingVerdicts.Overall(verdicts));
    }

    [Fact]
    public void AGoneSession_FailsNothing_AndWithNothingElseTheRunIsInconclusive()
    {
        var withA = SmartChargingVerdicts.Judge([A, E], [("elaad-2025", "SC-4")]);
        var onlyE = SmartChargingVerdicts.Judge([E], [("elaad-2025", "SC-4")]);

        Assert.Equal(SmartChargingVerdict.Pass, SmartChargingVerdicts.Overall(withA));
        Assert.Equal(SmartChargingVerdict.Inconclusive, SmartChargingVerdicts.Overall(onlyE));
    }

    [Fact]
    public void NoAnswerAtAll_FailsSc10()
    {
        var verdicts = SmartChargingVerdicts.Judge([F, F], [("elaad-2025", "SC-10")]);

        Assert.Equal(SmartChargingVerdict.Fail, verdicts.Single(v => v.Code == "SC-10").Verdict);
    }
}

public sealed class CompletingASmartChargingRunTests
{
    private static readonly DateTime Now = new(2026, 12, 8, 17, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void AFailedRun_BecomesOneFindingOnTheContract_NamingWhatFailedAndWhere_AndIsThenFrozen()
    {
        var contractId = Guid.NewGuid();
        var profile = new SmartChargingTestProfile(4m, 900, "test");
        var setup = new SmartChargingRunSetup(contractId, Guid.NewGuid(), Guid.NewGuid(), 42, 2, 2, profile, 10m, 2, 2);
        var run = SmartChargingTestRun.Start(setup, [new SampledSession(1, new("L1", "1"), "s1"), new SampledSession(2, new("L1", "2"), "s2")],
            new HashSet<EvseRef> { new("L1", "1"), new("L1", "2") }, "officer", Now, TimeSpan.FromHours(2));
        // L1/1: 3.0 kW ≤ 4.4 adheres; L1/2: 4.6 kW > 4 × 1.1 = 4.4 does not.
        run.Evse(1).Observe("ACCEPTED", "ACCEPTED", 800, 3.0m, run.LimitKw, run.TolerancePercent);
        run.Evse(2).Observe("ACCEPTED", "ACCEPTED", 1200, 4.6m, run.LimitKw, run.TolerancePercent);

        var finding = run.Complete([("elaad-2025", "SC-4")], new DateOnly(2026, 12, 8), Now.AddHours(2));

        Assert.Equal((SmartChargingVerdict.Fail, Now.AddHours(2)), (run.Verdict, run.CompletedAtUtc));
        Assert.Equal([SmartChargingVerdict.Pass, SmartChargingVerdict.Fail], run.Requirements.Select(r => r.Verdict).ToArray());
        Assert.NotNull(finding);
        Assert.Equal((ContractFindingKind.SmartChargingTestFailed, contractId, run.Id, "power cap 4 kW", "L1/2"),
            (finding.Kind, finding.ContractId, finding.SmartChargingTestRunId, finding.Note, finding.Evses));
        Assert.Equal(DomainRule.SmartChargingRunCompleted,
            Assert.Throws<DomainRuleViolated>(() => run.Complete([], new DateOnly(2026, 12, 8), Now)).Rule);
    }

    [Fact]
    public void ARunWithoutSessions_IsRefused()
    {
        var setup = new SmartChargingRunSetup(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), 1, 5, 0, new SmartChargingTestProfile(4m, 900, "t"), 10m, 3, 3);

        var e = Assert.Throws<DomainRuleViolated>(() => SmartChargingTestRun.Start(setup, [], new HashSet<EvseRef>(), "officer", Now, TimeSpan.FromHours(1)));

        Assert.Equal(DomainRule.SmartChargingNoSessions, e.Rule);
    }
}
