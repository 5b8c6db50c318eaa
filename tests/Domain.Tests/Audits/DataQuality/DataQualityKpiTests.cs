using Portal.Domain.Audits.DataQuality;
using Portal.Domain.Contracts.Evidence;

namespace Portal.Domain.Tests.Audits.DataQuality;

public sealed class DataQualityKpiTests
{
    // February 2026 in Dutch time (CET, UTC+1): 2026-01-31 23:00 UTC up to 2026-02-28 23:00 UTC.
    private static readonly DataQualityPeriod February = DataQualityPeriod.Month(2026, 2);
    private static readonly DateTime Noon10Feb = new(2026, 2, 10, 12, 0, 0, DateTimeKind.Utc);

    private static DateTime Utc(int month, int day, int hour, int minute = 0, int second = 0) => new(2026, month, day, hour, minute, second, DateTimeKind.Utc);

    private static StatusObservation At(string status, DateTime occurred, double delaySeconds = 0) => new(status, occurred, occurred.AddSeconds(delaySeconds));

    private static EvseQuality Assess(IReadOnlyList<StatusObservation> events, StatusObservation? carriedIn = null, IReadOnlyList<SessionSpan>? sessions = null,
        IReadOnlyList<SessionSpan>? siblings = null, int latency = DataQualityRules.DefaultLatencySeconds, DateTime? asOf = null) =>
        EvseDataQuality.Assess(February, new EvseHistory(latency, carriedIn, events, sessions ?? [], siblings ?? []), asOf ?? February.EndUtc);

    [Fact]
    public void AMonth_RunsFromDutchMidnightToDutchMidnight_InUtc()
    {
        // CET = UTC+1: 1 February 00:00 Dutch = 31 January 23:00 UTC; 1 March 00:00 Dutch = 28 February 23:00 UTC.
        Assert.Equal((Utc(1, 31, 23), Utc(2, 28, 23)), (February.StartUtc, February.EndUtc));
        // March 2026 holds the change to summer time (29 March): 1 April 00:00 CEST (UTC+2) = 31 March 22:00 UTC,
        // so the month lasts 31 × 24 − 1 = 743 hours.
        var march = DataQualityPeriod.Month(2026, 3);
        Assert.Equal(Utc(3, 31, 22), march.EndUtc);
        Assert.Equal(743, (march.EndUtc - march.StartUtc).TotalHours);
    }

    [Fact]
    public void TheLastFullMonth_IsThePreviousDutchMonth_EvenJustAfterDutchMidnight()
    {
        // 28 February 23:30 UTC is already 1 March 00:30 in Amsterdam: February is over.
        Assert.Equal(new DateOnly(2026, 2, 1), DataQualityPeriod.LastFullMonth(Utc(2, 28, 23, 30)).FirstDay);
        // 28 February 22:30 UTC is 23:30 Dutch on the 28th: January is the last full month.
        Assert.Equal(new DateOnly(2026, 1, 1), DataQualityPeriod.LastFullMonth(Utc(2, 28, 22, 30)).FirstDay);
    }

    [Fact]
    public void AnEventReceivedExactly60SecondsLate_IsOnTime_And61Seconds_IsLate()
    {
        var quality = Assess([At("AVAILABLE", Noon10Feb, 0), At("CHARGING", Noon10Feb.AddHours(1), 60), At("AVAILABLE", Noon10Feb.AddHours(2), 61)]);

        // delays 0 s, 60 s (≤ 60: on time) and 61 s (late): 2 of 3 on time.
        Assert.Equal((3, 2), (quality.Events, quality.TimelyEvents));
        Assert.True(quality.Late);
    }

    [Fact]
    public void TheContractsLatency_ReplacesTheDefault()
    {
        // latency 30 s: delays 30 s (on time) and 31 s (late) → 1 of 2.
        var quality = Assess([At("AVAILABLE", Noon10Feb, 30), At("CHARGING", Noon10Feb.AddHours(1), 31)], latency: 30);

        Assert.Equal((2, 1), (quality.Events, quality.TimelyEvents));
    }

    [Fact]
    public void AnEventStampedMoreThanFiveMinutesAfterItsReceipt_IsAFutureTimestamp_AndStillOnTime()
    {
        // t_evt − t_rcv = 300 s: tolerated; 301 s: future. Both have t_rcv − t_evt < 0 ≤ 60 s: on time.
        var quality = Assess([At("AVAILABLE", Noon10Feb, -300), At("CHARGING", Noon10Feb.AddHours(1), -301)]);

        Assert.Equal((1, 2), (quality.FutureEvents, quality.TimelyEvents));
    }

    [Fact]
    public void TheSameStatusAtTheSameOccurredTime_IsADuplicate_ButAnotherStatusIsNot()
    {
        var quality = Assess([At("CHARGING", Noon10Feb, 1), At("CHARGING", Noon10Feb, 5), At("CHARGING", Noon10Feb, 9), At("AVAILABLE", Noon10Feb, 2)],
            sessions: [new SessionSpan(Noon10Feb.AddMinutes(-5), Noon10Feb.AddHours(1))]);

        // three CHARGING at 12:00:00 → 2 extra copies; AVAILABLE at 12:00:00 is another status.
        Assert.Equal((4, 2), (quality.Events, quality.DuplicateEvents));
    }

    [Theory]
    [InlineData(1440, 0)]
    [InlineData(1441, 1)]
    public void MoreThan1440EventsOnADutchDay_IsOneOverloadedDay(int events, int overloadedDays)
    {
        // 10 February Dutch time starts at 9 February 23:00 UTC; 1441 events 59 s apart take 1440 × 59 = 84,960 s < 86,400 s: one day.
        var dayStart = Utc(2, 9, 23);
        var list = Enumerable.Range(0, events).Select(i => At(i % 2 == 0 ? "AVAILABLE" : "BLOCKED", dayStart.AddSeconds(i * 59))).ToList();

        Assert.Equal(overloadedDays, Assess(list).OverloadedDays);
    }

    [Fact]
    public void ChargingWithoutAnOverlappingSession_IsOcct_AndWithOne_IsNot()
    {
        List<StatusObservation> events = [At("CHARGING", Noon10Feb), At("AVAILABLE", Noon10Feb.AddHours(1))];

        Assert.Equal(1, Assess(events).ChargingWithoutSession);
        Assert.Equal(0, Assess(events, sessions: [new SessionSpan(Noon10Feb.AddMinutes(-5), Noon10Feb.AddMinutes(65))]).ChargingWithoutSession);
    }

    [Fact]
    public void ASessionStartedBeforeThePeriod_CoversChargingInIt_AndCountsOnlyInItsOwnMonth()
    {
        // Session 31 January 21:00 – 1 February 01:00 UTC (it started in January, Dutch time 22:00).
        var session = new SessionSpan(Utc(1, 31, 21), Utc(2, 1, 1));
        List<StatusObservation> events = [At("CHARGING", Utc(2, 1, 0, 30)), At("AVAILABLE", Utc(2, 1, 1))];

        var quality = Assess(events, sessions: [session]);

        Assert.Equal((0, 0), (quality.ChargingWithoutSession, quality.SessionsWithoutCharging));
        // Without any CHARGING it is still not this month's SEST: it started in January.
        Assert.Equal(0, Assess([], carriedIn: At("AVAILABLE", Utc(1, 20, 8)), sessions: [session]).SessionsWithoutCharging);
    }

    [Fact]
    public void ASessionWhileTheEvseStayedAvailable_IsSest_ButChargingCarriedInFromBeforeCoversIt()
    {
        var session = new SessionSpan(Utc(2, 12, 8), Utc(2, 12, 9));

        Assert.Equal(1, Assess([], carriedIn: At("AVAILABLE", Utc(1, 20, 8)), sessions: [session]).SessionsWithoutCharging);
        // CHARGING since 31 January 20:00 holds until the end (no later event): it overlaps the session.
        Assert.Equal(0, Assess([], carriedIn: At("CHARGING", Utc(1, 31, 20)), sessions: [session]).SessionsWithoutCharging);
    }

    [Fact]
    public void AvailableForExactly14DaysWithoutSessions_WhileASiblingCharged_IsSuspected()
    {
        // AVAILABLE 1 Feb 23:00 → OUTOFORDER 15 Feb 23:00 UTC = 14 × 24 h exactly (≥ 14 days).
        List<StatusObservation> events = [At("AVAILABLE", Utc(2, 1, 23)), At("OUTOFORDER", Utc(2, 15, 23))];
        List<SessionSpan> sibling = [new SessionSpan(Utc(2, 5, 10), Utc(2, 5, 12))];

        Assert.Equal(Utc(2, 1, 23), Assess(events, siblings: sibling).SilentSinceUtc);
        // One second short of 14 days: no suspicion.
        Assert.Null(Assess([events[0], At("OUTOFORDER", Utc(2, 15, 22, 59, 59))], siblings: sibling).SilentSinceUtc);
        // No sibling sessions, or a session of its own: no suspicion.
        Assert.Null(Assess(events).SilentSinceUtc);
        Assert.Null(Assess(events, sessions: [new SessionSpan(Utc(2, 9, 10), Utc(2, 9, 11))], siblings: sibling).SilentSinceUtc);
    }

    [Fact]
    public void AvailableCarriedInFromBeforeThePeriod_CountsFromItsStart_AndRepeatedAvailableContinuesTheStretch()
    {
        // AVAILABLE since 25 January, re-sent on 3 February; measured to 5 February 12:00 (the period is still running):
        // 25 Jan 00:00 → 5 Feb 12:00 = 11.5 days < 14: none yet; to the period's end (28 Feb 23:00) 34 days 23 h: suspected since 25 January.
        var carried = At("AVAILABLE", Utc(1, 25, 0));
        List<StatusObservation> events = [At("AVAILABLE", Utc(2, 3, 9))];
        List<SessionSpan> sibling = [new SessionSpan(Utc(2, 2, 10), Utc(2, 2, 11))];

        Assert.Null(Assess(events, carried, siblings: sibling, asOf: Utc(2, 5, 12)).SilentSinceUtc);
        Assert.Equal(Utc(1, 25, 0), Assess(events, carried, siblings: sibling).SilentSinceUtc);
    }

    [Fact]
    public void AnEvseIsStale_After30DaysWithoutAnEventOrAPullListingIt()
    {
        var asOf = February.EndUtc;

        Assert.False(DataQualityRules.IsStale(asOf.AddDays(-30), null, asOf));                 // exactly 30 days: not more than 30
        Assert.True(DataQualityRules.IsStale(asOf.AddDays(-30).AddSeconds(-1), null, asOf));   // 30 days and 1 s
        Assert.False(DataQualityRules.IsStale(asOf.AddDays(-90), asOf.AddDays(-2), asOf));     // a pull listed it 2 days ago
        Assert.True(DataQualityRules.IsStale(null, null, asOf));                               // never heard of
    }

    [Fact]
    public void TheCposFigures_AreTheSums_AndTimelinessIsComparedUnrounded()
    {
        var onTime = new EvseQuality(10, 10, 0, 0, 0, 0, 0, null);
        var late = new EvseQuality(10, 9, 1, 2, 1, 1, 1, Noon10Feb);

        var figures = DataQualityFigures.Empty.Add(onTime, stale: false).Add(late, stale: true);

        Assert.Equal(new DataQualityFigures(2, 20, 19, 1, 1, 1, 1, 1, 1, 2), figures);
        // 19 / 20 = 95 %: not below 95; below 95.01.
        Assert.Equal(95m, figures.TimelinessPercent);
        Assert.False(figures.TimelinessBelow(95m));
        Assert.True(figures.TimelinessBelow(95.01m));
        // 2 of 3 = 66.666… → 66.67.
        Assert.Equal(66.67m, (DataQualityFigures.Empty with { Events = 3, TimelyEvents = 2 }).TimelinessPercent);
        Assert.Null(DataQualityFigures.Empty.TimelinessPercent);
        Assert.False(DataQualityFigures.Empty.TimelinessBelow(95m));
    }

    [Fact]
    public void AMonthIsStoredOnlyOnceItIsOver_AndItsFindingOncePerContractAndMonth()
    {
        Assert.Throws<InvalidOperationException>(() => DataQualitySnapshot.Record(Guid.NewGuid(), February, DataQualityFigures.Empty, Utc(2, 28, 22, 59)));
        var snapshot = DataQualitySnapshot.Record(Guid.NewGuid(), February, DataQualityFigures.Empty with { Events = 4 }, February.EndUtc);
        Assert.Equal((new DateOnly(2026, 2, 1), 4, "v1"), (snapshot.Month, snapshot.Figures.Events, snapshot.Version));

        var finding = ContractFinding.TimelinessBelowMinimum(Guid.NewGuid(), new DateOnly(2026, 2, 1), 90m, 95m, 60, new DateOnly(2026, 3, 1), February.EndUtc);
        Assert.Equal("timeliness:2026-02", finding.DedupeKey);
        Assert.Equal(ContractFinding.TimelinessKey(new DateOnly(2026, 2, 14)), finding.DedupeKey);
    }
}
