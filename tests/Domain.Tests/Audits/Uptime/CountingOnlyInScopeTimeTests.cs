using Portal.Domain.Audits.Uptime;
using static Portal.Domain.Tests.Audits.Uptime.UptimeScenario;

namespace Portal.Domain.Tests.Audits.Uptime;

public sealed class CountingOnlyInScopeTimeTests
{
    private static OpeningTimesVersion OfficeHours(params ExceptionalClosing[] closings) => new(
        Apr(1), Amsterdam, false,
        [.. Enumerable.Range(1, 5).Select(d => new RegularHours(d, TimeSpan.FromHours(8), TimeSpan.FromHours(18)))],
        [], closings);

    [Fact]
    public void OpeningHours_ClosedTimeIsNotCounted()
    {
        // Monday-Friday 08:00-18:00; April 2026 has 22 weekdays (1 April is a Wednesday).
        var input = Input(Ev("OUTOFORDER", Apr(10, 17)), Ev("AVAILABLE", Apr(13, 9))) with { OpeningTimes = [OfficeHours()] };

        var result = Compute(input);

        Assert.Equal(792_000, result.Seconds.S);                        // 22 x 10 h = 220 h = 792,000 s
        Assert.Equal(April, result.Seconds.S24);
        Assert.Equal(7_200, result.Seconds.D);                          // Fri 17:00-18:00 + Mon 08:00-09:00 = 2 h
        Assert.Equal(784_800m / 792_000m, result.Availability);          // (792,000 - 7,200) / 792,000
        Assert.Equal(7_200, Assert.Single(result.Outages).CountedSeconds);
    }

    [Theory]
    // Closing on Tuesday 14 April 08:00-18:00 (36,000 s). Seen 7 days ahead or approved: removed; seen 6 days ahead: ignored.
    [InlineData(7, false, 792_000 - 36_000)]
    [InlineData(6, true, 792_000 - 36_000)]
    [InlineData(6, false, 792_000)]
    public void ExceptionalClosing_RemovesOpenTimeOnlyWhenAnnouncedOrApproved(int daysAhead, bool approved, long expectedS)
    {
        var closing = new ExceptionalClosing(Apr(14, 8), Apr(14, 18), Apr(14, 8).AddDays(-daysAhead), approved);

        var result = Compute(Input() with { OpeningTimes = [OfficeHours(closing)] });

        Assert.Equal(expectedS, result.Seconds.S);
    }

    [Fact]
    public void GoLiveMidMonth_CountsFromTheGoLiveDay()
    {
        var input = Input(Ev("OUTOFORDER", Apr(20, 10)), Ev("AVAILABLE", Apr(20, 11))) with { Scope = new ContractScope(new DateOnly(2026, 4, 16)) };

        var result = Compute(input);

        Assert.Equal(1_296_000, result.Seconds.S);                      // 16-30 April = 15 days x 86,400
        Assert.Equal(3_600, result.Seconds.D);
        Assert.Equal(1_292_400m / 1_296_000m, result.Availability);      // (1,296,000 - 3,600) / 1,296,000
    }

    [Fact]
    public void DecommissionMidMonth_CountsUntilTheDecommissionDay()
    {
        // REMOVED on the decommission day is out of scope; the outage on the 10th counts.
        var input = Input(Ev("OUTOFORDER", Apr(10, 10)), Ev("AVAILABLE", Apr(10, 11)), Ev("REMOVED", Apr(21, 9))) with
        {
            Scope = new ContractScope(new DateOnly(2025, 1, 1), new DateOnly(2026, 4, 21)),
        };

        var result = Compute(input);

        Assert.Equal(1_728_000, result.Seconds.S);                      // 1-20 April = 20 days x 86,400
        Assert.Equal(3_600, result.Seconds.D);
        Assert.Equal(1_724_400m / 1_728_000m, result.Availability);
    }

    [Fact]
    public void RemovedBeforeTheDecommissionDay_IsDown()
    {
        var input = Input(Ev("REMOVED", Apr(20, 12))) with { Scope = new ContractScope(new DateOnly(2025, 1, 1), new DateOnly(2026, 4, 21)) };

        var result = Compute(input);

        Assert.Equal(43_200, result.Seconds.D);                         // 20 April 12:00 to 21 April 00:00 = 12 h
        Assert.Equal(43_200, result.Seconds.Dc);                        // the CP should be live: disconnected too
    }

    [Fact]
    public void MarchWithTheChangeToSummerTime_Has743Hours()
    {
        var march = MeasurementPeriod.CalendarMonth(2026, 3, Zone);
        // 29 March 01:00 CET (00:00Z) to 04:00 CEST (02:00Z): the clock jumps from 02:00 to 03:00, so 2 h.
        var result = Compute(Input(march, Ev("OUTOFORDER", Local(2026, 3, 29, 1)), Ev("AVAILABLE", Local(2026, 3, 29, 4))));

        Assert.Equal(2_674_800, result.Seconds.S);                      // 31 x 24 - 1 = 743 h = 2,674,800 s
        Assert.Equal(7_200, result.Seconds.D);
    }

    [Fact]
    public void OctoberWithTheChangeToWinterTime_Has745Hours()
    {
        var october = MeasurementPeriod.CalendarMonth(2026, 10, Zone);
        // 25 October 01:00 CEST (24 Oct 23:00Z) to 04:00 CET (03:00Z): 03:00 is repeated, so 4 h.
        var result = Compute(Input(october, Ev("OUTOFORDER", Local(2026, 10, 25, 1)), Ev("AVAILABLE", Local(2026, 10, 25, 4))));

        Assert.Equal(2_682_000, result.Seconds.S);                      // 31 x 24 + 1 = 745 h = 2,682,000 s
        Assert.Equal(14_400, result.Seconds.D);
    }

    [Fact]
    public void LeapYearFebruary_Has29Days()
    {
        var february = MeasurementPeriod.CalendarMonth(2028, 2, Zone);

        var result = Compute(Input(february, Ev("OUTOFORDER", Local(2028, 2, 29, 10)), Ev("AVAILABLE", Local(2028, 2, 29, 11))));

        Assert.Equal(2_505_600, result.Seconds.S);                      // 29 x 86,400
        Assert.Equal(2_502_000m / 2_505_600m, result.Availability);      // (2,505,600 - 3,600) / 2,505,600
    }

    [Fact]
    public void ShortExposure_HasNoVerdict()
    {
        var result = Compute(Input() with { Scope = new ContractScope(new DateOnly(2026, 4, 25)) });

        Assert.Equal(518_400, result.Seconds.S);                        // 25-30 April = 6 days < 7 days
        Assert.Equal(UptimeVerdict.InsufficientExposure, result.AvailabilityVerdict);
    }

    [Fact]
    public void YearWithLessThanThirtyDaysInScope_HasNoVerdict()
    {
        // Contract year from 1 May 2025; the CP went live on 15 April 2026: 16 days in scope (15-30 April).
        var year = MeasurementPeriod.TwelveMonths(new DateOnly(2025, 5, 1), Zone);
        var input = Input(year) with { Scope = new ContractScope(new DateOnly(2026, 4, 15)) };

        var result = Compute(input);

        Assert.Equal(1_382_400, result.Seconds.S);                      // 16 x 86,400 < 30 days
        Assert.Equal(UptimeVerdict.InsufficientExposure, result.AvailabilityVerdict);
        Assert.Equal(1m, result.Availability);                          // the figure is still shown
    }
}
