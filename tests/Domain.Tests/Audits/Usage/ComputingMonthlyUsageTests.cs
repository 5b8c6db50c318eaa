using Portal.Domain.Audits.Usage;

namespace Portal.Domain.Tests.Audits.Usage;

public sealed class ComputingMonthlyUsageTests
{
    private static readonly UsageMonth March = new(2026, 3), April = new(2026, 4), May = new(2026, 5), October = new(2026, 10);
    private static readonly BusyThresholds Defaults = BusyThresholds.Default;

    private static DateTime Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, DateTimeKind.Utc);

    private static UsageTally<string> Tally(UsageMonth first, UsageMonth last, params (string Evse, ChargingSpan Span)[] charges)
    {
        var tally = new UsageTally<string>(first, last);
        foreach (var (evse, span) in charges)
            tally.Add(evse, span);
        return tally;
    }

    [Fact]
    public void MonthBoundaries_AreAmsterdamMidnight_WithTheRealLength()
    {
        // April 2026 is summer time (UTC+2): 1 April 00:00 local = 31 March 22:00 UTC; 30 days = 720 hours.
        Assert.Equal(Utc(3, 31, 22), April.StartUtc);
        Assert.Equal(720, April.Hours);
        // March loses an hour on the 29th: 31 × 24 - 1 = 743. October gains one on the 25th: 31 × 24 + 1 = 745.
        Assert.Equal(743, March.Hours);
        Assert.Equal(745, October.Hours);
        // 31 March 23:30 UTC is 1 April 01:30 in Amsterdam.
        Assert.Equal(April, UsageMonth.Of(Utc(3, 31, 23, 30)));
        Assert.Equal(March, UsageMonth.LastFull(Utc(4, 15, 12)));
        Assert.Equal(new UsageMonth(2025, 12), UsageMonth.LastFull(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc)));
        Assert.Equal(new UsageMonth(2025, 4), April.Plus(-12));
        Assert.Equal(March, UsageMonth.Parse("2026-03"));
        Assert.Null(UsageMonth.Parse("maart"));
    }

    [Fact]
    public void ASessionCrossingTheMonthEnd_IsSplitByTime_KwhInProportion_CountedInItsFirstMonth()
    {
        // 30 April 20:00 local (18:00 UTC) to 1 May 02:00 local (00:00 UTC): 4 hours in April, 2 in May; 30 kWh.
        var span = new ChargingSpan(Utc(4, 30, 18), Utc(5, 1, 0), 30m, UsageSource.Session);

        var tally = Tally(April, May, ("A", span));

        var april = tally.Of("A", April, Defaults);
        var may = tally.Of("A", May, Defaults);
        Assert.Equal(1, april.Sessions);
        Assert.Equal(0, may.Sessions);
        Assert.Equal(4, april.ChargingHours, 9);
        Assert.Equal(2, may.ChargingHours, 9);
        // 30 × 4/6 = 20 kWh; 30 × 2/6 = 10 kWh.
        Assert.Equal(20m, april.Kwh);
        Assert.Equal(10m, may.Kwh);
        // 4 / 720 hours of April = 0.5556 %; 2 / 744 hours of May.
        Assert.Equal(4.0 / 720, april.Occupancy, 9);
        Assert.Equal(2.0 / 744, may.Occupancy, 9);
    }

    [Fact]
    public void OnlyTheMonthsAskedFor_AreCounted()
    {
        // The same charge, but only May is asked for: no session (it started in April), 2 hours and 10 kWh.
        var tally = Tally(May, May, ("A", new ChargingSpan(Utc(4, 30, 18), Utc(5, 1, 0), 30m, UsageSource.Session)));

        var may = tally.Of("A", May, Defaults);
        Assert.Equal(0, may.Sessions);
        Assert.Equal(10m, may.Kwh);
        Assert.Equal(2, may.ChargingHours, 9);
        Assert.Equal([May], tally.Months());
    }

    [Fact]
    public void ACdrAndItsSession_CountOnce_AsTheCdr()
    {
        // The session said 20 kWh over 2 hours; the CDR settled 21 kWh over 2 hours, 30 minutes of which parked.
        SessionFact[] sessions = [new("S1", Utc(4, 10, 8), Utc(4, 10, 10), Utc(4, 10, 10), 20m), new("S2", Utc(4, 11, 8), Utc(4, 11, 9), Utc(4, 11, 9), 7m)];
        CdrFact[] cdrs = [new("C1", "s1", Utc(4, 10, 8), Utc(4, 10, 10), Utc(4, 10, 11), 21m, ParkingHours: 0.5m)];

        var spans = UsageSettlement.Spans(sessions, cdrs);

        // C1 (its session S1 left out, the ids compared without case) and S2, which has no CDR yet.
        Assert.Equal(2, spans.Count);
        var cdr = Assert.Single(spans, s => s.Source == UsageSource.Cdr);
        Assert.Equal(new ChargingSpan(Utc(4, 10, 8), Utc(4, 10, 9, 30), 21m, UsageSource.Cdr), cdr);
        Assert.Equal(new ChargingSpan(Utc(4, 11, 8), Utc(4, 11, 9), 7m, UsageSource.Session), Assert.Single(spans, s => s.Source == UsageSource.Session));

        var tally = Tally(April, April, [.. spans.Select(s => ("A", s))]);
        var april = tally.Of("A", April, Defaults);
        // 2 sessions; 21 + 7 = 28 kWh; 1.5 + 1 = 2.5 hours charging.
        Assert.Equal(2, april.Sessions);
        Assert.Equal(28m, april.Kwh);
        Assert.Equal(2.5, april.ChargingHours, 9);
    }

    [Fact]
    public void ACreditCdr_CancelsTheCdrItNames_AndTheCorrectionCounts()
    {
        CdrFact[] cdrs =
        [
            new("C1", "S1", Utc(4, 10, 8), Utc(4, 10, 10), Utc(4, 10, 11), 21m),
            new("C1-CREDIT", "S1", Utc(4, 10, 8), Utc(4, 10, 10), Utc(4, 12, 9), -21m, Credit: true, CreditReferenceId: "C1"),
            new("C1-NEW", "S1", Utc(4, 10, 8), Utc(4, 10, 10), Utc(4, 12, 10), 19m),
        ];

        var spans = UsageSettlement.Spans([new SessionFact("S1", Utc(4, 10, 8), Utc(4, 10, 10), Utc(4, 10, 10), 20m)], cdrs);

        // Only the correcting CDR: 19 kWh; neither the cancelled one, the credit nor the session.
        Assert.Equal(new ChargingSpan(Utc(4, 10, 8), Utc(4, 10, 10), 19m, UsageSource.Cdr), Assert.Single(spans));
    }

    [Fact]
    public void ASessionWithoutEnd_CountsUpToItsLastUpdate()
    {
        var span = UsageSettlement.Span(new SessionFact("S1", Utc(4, 10, 8), null, Utc(4, 10, 9, 45), 11m));

        // 08:00 to 09:45: 1.75 hours.
        Assert.Equal(1.75, (span.EndUtc - span.StartUtc).TotalHours, 9);
    }

    [Fact]
    public void InTheDaylightSavingMonth_OccupancyIsOverTheShorterMonth()
    {
        // 29 March 2026, 01:00 to 04:00 UTC (02:00 local becomes 03:00): 3 hours, of a month of 743 hours.
        var tally = Tally(March, March, ("A", new ChargingSpan(Utc(3, 29, 1), Utc(3, 29, 4), 33m, UsageSource.Cdr)));

        var march = tally.Of("A", March, Defaults);
        Assert.Equal(3, march.ChargingHours, 9);
        Assert.Equal(3.0 / 743, march.Occupancy, 9);
        Assert.Equal(33m, march.Kwh);
    }

    [Fact]
    public void AnEvseWithoutSessions_HasZeroes_NotNothing()
    {
        var tally = Tally(April, April);

        Assert.Equal(new MonthlyUsage(April, 1, 0, 0m, 0, 0), tally.Of("quiet", April, Defaults));
    }

    [Fact]
    public void OverlappingRecords_CannotMakeAnEvseMoreThanFullyOccupied()
    {
        // Two records of 500 hours each on one EVSE in April (720 hours): capped at 720, occupancy 100 %.
        var tally = Tally(April, April,
            ("A", new ChargingSpan(Utc(4, 1, 0), Utc(4, 1, 0).AddHours(500), 1m, UsageSource.Session)),
            ("A", new ChargingSpan(Utc(4, 2, 0), Utc(4, 2, 0).AddHours(500), 1m, UsageSource.Session)));

        var april = tally.Of("A", April, Defaults);
        Assert.Equal(720, april.ChargingHours, 9);
        Assert.Equal(1, april.Occupancy, 9);
    }

    [Fact]
    public void TheRollUp_SumsSessionsAndKwh_AndWeighsOccupancyByTheEvses()
    {
        // April, 720 hours. EVSE A: 72 hours charging (10 %); B: 0; C: 144 hours (20 %), 30 sessions: busy.
        MonthlyUsage[] evses =
        [
            new(April, 1, 10, 100m, 72, 0),
            MonthlyUsage.None(April),
            new(April, 1, 30, 200m, 144, 1),
        ];

        var location = MonthlyUsage.Sum(April, evses);

        // 10 + 0 + 30 = 40 sessions; 100 + 0 + 200 = 300 kWh; (72 + 0 + 144) / (3 × 720) = 216 / 2160 = 10 %.
        Assert.Equal(new MonthlyUsage(April, 3, 40, 300m, 216, 1), location);
        Assert.Equal(0.1, location.Occupancy, 9);
        // A location of 2 EVSEs and this one of 3: (216 + 720) / (5 × 720) = 936 / 3600 = 26 %.
        var district = MonthlyUsage.Sum(April, [location, new MonthlyUsage(April, 2, 5, 50m, 720, 0)]);
        Assert.Equal(0.26, district.Occupancy, 9);
        Assert.Equal(0, MonthlyUsage.Sum(April, []).Occupancy);
    }

    [Theory]
    // Default thresholds: 250 kWh or 25 sessions, either one is enough; "from", so the threshold itself is busy.
    [InlineData(24, 249.999, false)]
    [InlineData(25, 0, true)]
    [InlineData(0, 250, true)]
    [InlineData(3, 400, true)]
    public void APointIsBusy_FromEitherThreshold(int sessions, double kwh, bool busy) =>
        Assert.Equal(busy, Defaults.IsBusy(sessions, (decimal)kwh));

    [Fact]
    public void BusyIsMarkedPerEvseMonth_WithTheMunicipalitysThresholds()
    {
        // 12 sessions of 10 kWh each: 12 sessions and 120 kWh. Not busy by the defaults; busy from 100 kWh.
        var charges = Enumerable.Range(1, 12).Select(d => ("A", new ChargingSpan(Utc(4, d, 8), Utc(4, d, 9), 10m, UsageSource.Cdr))).ToArray();
        var tally = Tally(April, April, charges);

        Assert.Equal(0, tally.Of("A", April, Defaults).BusyEvses);
        Assert.Equal(1, tally.Of("A", April, new BusyThresholds(100, 25)).BusyEvses);
        Assert.Equal(1, tally.Of("A", April, new BusyThresholds(250, 12)).BusyEvses);
    }

    [Theory]
    [InlineData("6824 BM", "6824")]
    [InlineData(" 1012AB", "1012")]
    [InlineData("0123 AB", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void TheDistrict_IsThePostcodeArea(string? postcode, string? district) =>
        Assert.Equal(district, UsageDistrict.Of(postcode));
}
