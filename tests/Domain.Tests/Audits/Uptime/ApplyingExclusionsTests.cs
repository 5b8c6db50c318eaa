using Portal.Domain.Audits;
using Portal.Domain.Audits.Uptime;
using Portal.Domain.Contracts;
using static Portal.Domain.Tests.Audits.Uptime.UptimeScenario;

namespace Portal.Domain.Tests.Audits.Uptime;

public sealed class ApplyingExclusionsTests
{
    private static ApprovedExclusion Maintenance(string id, DateTimeOffset begin, DateTimeOffset end, DateTimeOffset firstSeen, string status = "INOPERATIVE") =>
        Claim(id, ExclusionCategory.PlannedMaintenance, begin, end) with { Schedule = new StatusScheduleEntry(begin, end, status, firstSeen) };

    [Fact]
    public void GridInterruption_IsExcludedUntilSupplyRestoredPlusThirtyMinutes()
    {
        var input = Input(Ev("UNKNOWN", Apr(10, 10)), Ev("AVAILABLE", Apr(10, 14))) with
        {
            Exclusions = [Claim("E1-1", ExclusionCategory.GridSupplyInterruption, Apr(10, 10), Apr(10, 14)) with { SupplyRestoredAt = Apr(10, 12) }],
        };

        var result = Compute(input);

        Assert.Equal(14_400, result.Seconds.D);                         // 10:00-14:00
        Assert.Equal(9_000, result.Seconds.X);                          // 10:00 to 12:00 + 30 min = 2.5 h
        Assert.Equal(9_000, result.Seconds.Xc);                         // E1 counts for connectivity too
        Assert.Equal(2_577_600m / 2_583_000m, result.Availability);      // (2,592,000 - 14,400) / (2,592,000 - 9,000)
        Assert.Equal(ExclusionLimit.RebootGraceEnded, Assert.Single(result.Exclusions).Limit);
        var outage = Assert.Single(result.Outages);
        Assert.True(outage.Excluded);
        Assert.Equal(["E1-1"], outage.ExcludedByClaims);
    }

    [Fact]
    public void ThirdPartyDamage_IsExcludedForAtMostTenCalendarDaysPerIncident()
    {
        // Vandalised 2 April 08:00, repaired 15 April 08:00 (13 days); two claims for the same police number.
        var input = Input(Ev("OUTOFORDER", Apr(2, 8)), Ev("AVAILABLE", Apr(15, 8))) with
        {
            Exclusions =
            [
                Claim("E2-1", ExclusionCategory.ThirdPartyDamage, Apr(2, 8), Apr(12, 20)) with { IncidentReference = "PV-2026-117" },
                Claim("E2-2", ExclusionCategory.ThirdPartyDamage, Apr(12, 20), Apr(15, 8)) with { IncidentReference = "PV-2026-117" },
            ],
        };

        var result = Compute(input);

        Assert.Equal(1_123_200, result.Seconds.D);                      // 13 x 86,400
        Assert.Equal(864_000, result.Seconds.X);                        // 10 x 86,400: until 12 April 08:00, the second claim gets nothing
        Assert.Equal(0, result.Seconds.Xc);                             // E2 does not count for connectivity
        Assert.Equal(0.85m, result.Availability);                       // (2,592,000 - 1,123,200) / (2,592,000 - 864,000) = 1,468,800 / 1,728,000
        Assert.Equal(0.9m, result.NeviUptime);                          // (2,592,000 - 259,200) / 2,592,000: never stricter than A
        Assert.Equal(UptimeVerdict.Fail, result.AvailabilityVerdict);
        Assert.All(result.Exclusions, e => Assert.Equal(ExclusionLimit.TenCalendarDaysPerIncident, e.Limit));
    }

    [Fact]
    public void ThirdPartyDamage_CountsWhenTheContractDoesNotExcludeExogenousDamage()
    {
        var input = Input(Ev("OUTOFORDER", Apr(2, 8)), Ev("AVAILABLE", Apr(3, 8))) with
        {
            Terms = new ContractTerms { AvailabilityExcludesExogenousDamage = false },
            Exclusions = [Claim("E2-1", ExclusionCategory.ThirdPartyDamage, Apr(2, 8), Apr(3, 8))],
        };

        var result = Compute(input);

        Assert.Equal(0, result.Seconds.X);                              // the contract counts vandalism against availability
        Assert.Equal(ExclusionLimit.ContractCountsExogenousDamage, Assert.Single(result.Exclusions).Limit);
    }

    [Fact]
    public void AuthorityOrderedWorks_AreExcludedAsOrderedAndOnlyWhileDown()
    {
        var input = Input(Ev("OUTOFORDER", Apr(10, 9)), Ev("AVAILABLE", Apr(10, 17))) with
        {
            Exclusions = [Claim("E4-1", ExclusionCategory.AuthorityOrderedWorks, Apr(10, 10), Apr(10, 18))],
        };

        var result = Compute(input);

        Assert.Equal(28_800, result.Seconds.D);                         // 09:00-17:00
        Assert.Equal(25_200, result.Seconds.X);                         // 10:00-17:00: the order runs to 18:00 but the CP was up from 17:00
        Assert.Equal(0, result.Seconds.Xc);                             // OUTOFORDER is connected, nothing to exclude in R1
        Assert.Equal(2_563_200m / 2_566_800m, result.Availability);      // (2,592,000 - 28,800) / (2,592,000 - 25,200)
    }

    [Fact]
    public void OverlappingClaims_ExcludeEachSecondOnce()
    {
        var input = Input(Ev("UNKNOWN", Apr(10, 10)), Ev("AVAILABLE", Apr(10, 13))) with
        {
            Exclusions =
            [
                Claim("E3-1", ExclusionCategory.ForceMajeure, Apr(10, 10), Apr(10, 12)),
                Claim("E4-1", ExclusionCategory.AuthorityOrderedWorks, Apr(10, 11), Apr(10, 13)),
            ],
        };

        var result = Compute(input);

        Assert.Equal(10_800, result.Seconds.X);                         // 10:00-13:00 once, not 2 h + 2 h
        Assert.Equal(10_800, result.Seconds.Xc);
        Assert.Equal([7_200L, 3_600L], result.Exclusions.Select(e => e.ExcludedSeconds));   // E3 first; E4 only 12:00-13:00
        Assert.Equal(1m, result.Availability);                          // (S - 10,800) / (S - 10,800)
        Assert.Equal(1m, result.Connectivity);
    }

    [Fact]
    public void PlannedMaintenance_IsCappedAtEightHoursPerEvent()
    {
        var input = Input(Ev("INOPERATIVE", Apr(20, 8)), Ev("AVAILABLE", Apr(20, 20))) with
        {
            Exclusions = [Maintenance("E5-1", Apr(20, 8), Apr(20, 20), firstSeen: Apr(1, 9))],
        };

        var result = Compute(input);

        Assert.Equal(43_200, result.Seconds.D);                         // 12 h
        Assert.Equal(28_800, result.Seconds.X);                         // at most 8 h
        Assert.Equal(2_548_800m / 2_563_200m, result.Availability);      // (2,592,000 - 43,200) / (2,592,000 - 28,800)
        Assert.Equal(ExclusionLimit.EightHoursPerEvent, Assert.Single(result.Exclusions).Limit);
        Assert.Equal(TimeSpan.FromHours(8), result.PlannedMaintenanceExcluded);
    }

    [Fact]
    public void PlannedMaintenance_IsCappedAtSeventyTwoHoursPerYear()
    {
        var input = Input(Ev("INOPERATIVE", Apr(20, 8)), Ev("AVAILABLE", Apr(20, 12))) with
        {
            PlannedMaintenanceExcludedEarlierInYear = TimeSpan.FromHours(70),
            Exclusions = [Maintenance("E5-1", Apr(20, 8), Apr(20, 12), firstSeen: Apr(1, 9))],
        };

        var result = Compute(input);

        Assert.Equal(7_200, result.Seconds.X);                          // 72 h - 70 h already used = 2 h of the 4 h
        Assert.Equal(ExclusionLimit.SeventyTwoHoursPerYear, Assert.Single(result.Exclusions).Limit);
        Assert.Equal(TimeSpan.FromHours(2), result.PlannedMaintenanceExcluded);
    }

    [Theory]
    // Maintenance on Monday 13 April 2026. Five working days back: 10, 9, 8, 7 April, then Easter Monday (6), the
    // weekend and Good Friday (3) are rest days, so the fifth is Thursday 2 April.
    [InlineData(2, 7_200)]
    [InlineData(3, 0)]
    public void PlannedMaintenance_NeedsFiveWorkingDaysNotice(int firstSeenDay, long expectedX)
    {
        var input = Input(Ev("INOPERATIVE", Apr(13, 8)), Ev("AVAILABLE", Apr(13, 10))) with
        {
            Exclusions = [Maintenance("E5-1", Apr(13, 8), Apr(13, 10), firstSeen: Apr(firstSeenDay, 20))],
        };

        var result = Compute(input);

        Assert.Equal(expectedX, result.Seconds.X);
    }

    [Fact]
    public void PlannedMaintenance_ExcludesOnlyInoperativeTime()
    {
        var input = Input(Ev("INOPERATIVE", Apr(20, 8)), Ev("OUTOFORDER", Apr(20, 10)), Ev("AVAILABLE", Apr(20, 12))) with
        {
            Exclusions = [Maintenance("E5-1", Apr(20, 8), Apr(20, 12), firstSeen: Apr(1, 9))],
        };

        var result = Compute(input);

        Assert.Equal(14_400, result.Seconds.D);                         // 08:00-12:00
        Assert.Equal(7_200, result.Seconds.X);                          // only the INOPERATIVE 08:00-10:00
        Assert.Equal("INOPERATIVE → OUTOFORDER → AVAILABLE", Assert.Single(result.Outages).StatusPathText);
    }
}
