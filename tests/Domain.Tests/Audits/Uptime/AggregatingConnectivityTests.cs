using Portal.Domain.Audits.Uptime;
using static Portal.Domain.Tests.Audits.Uptime.UptimeScenario;

namespace Portal.Domain.Tests.Audits.Uptime;

public sealed class AggregatingConnectivityTests
{
    private static EvseUptimeResult Result(string uid, long s24, long u24, long dc, long xc, UptimeVerdict verdict = UptimeVerdict.Pass)
    {
        var denominator = s24 - u24 - xc;
        return new EvseUptimeResult
        {
            Evse = Evse with { EvseUid = uid },
            Period = AprilPeriod,
            Fingerprint = uid,
            Seconds = new UptimeSeconds(s24, s24, u24, u24, 0, 0, dc, xc),
            Availability = 1m,
            Connectivity = denominator > 0 ? (decimal)(s24 - u24 - dc) / denominator : null,
            AvailabilityThreshold = 0.95m,
            ConnectivityThreshold = 0.98m,
            AvailabilityVerdict = UptimeVerdict.Pass,
            ConnectivityVerdict = verdict,
            ConnectivityTier = EvidenceTier.B,
            Outages = [],
            Exclusions = [],
            Flags = new TimelineFlags(0, 0, 0, [], false, false, []),
            PlannedMaintenanceExcluded = TimeSpan.Zero,
        };
    }

    [Fact]
    public void Network_IsTimeWeighted_AndCountsTheEvsesMeetingTheirThreshold()
    {
        var all = ConnectivityAggregation.Of(
        [
            Result("E1", 1_000, 0, 10, 0),        // C = 990 / 1,000 = 0.99: meets 0.98
            Result("E2", 1_000, 100, 50, 20),     // C = (1,000 - 100 - 50) / (1,000 - 100 - 20) = 850 / 880 = 0.9659: fails
            Result("E3", 2_000, 0, 0, 0),         // C = 1
            Result("E4", 0, 0, 0, 0, UptimeVerdict.InsufficientExposure),   // no exposure: counted, not rated
        ]);

        Assert.Equal(4, all.Evses);
        Assert.Equal(3, all.Rated);
        Assert.Equal(2, all.MeetingThreshold);
        Assert.Equal(3_840m / 3_880m, all.TimeWeightedConnectivity);   // (990 + 850 + 2,000 + 0) / (1,000 + 880 + 2,000 + 0)
        Assert.Equal(2m / 3m, all.ShareMeetingThreshold);              // E1 and E3 of E1, E2, E3
    }

    [Fact]
    public void NoTimeInScope_HasNoFigure()
    {
        var none = ConnectivityAggregation.Of([Result("E1", 0, 0, 0, 0, UptimeVerdict.InsufficientExposure)]);

        Assert.Null(none.TimeWeightedConnectivity);
        Assert.Null(none.ShareMeetingThreshold);
        Assert.Equal(0, none.Rated);
    }
}
