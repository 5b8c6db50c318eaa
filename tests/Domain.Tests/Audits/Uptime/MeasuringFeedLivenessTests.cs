using Portal.Domain.Audits.Uptime;
using static Portal.Domain.Tests.Audits.Uptime.UptimeScenario;

namespace Portal.Domain.Tests.Audits.Uptime;

public sealed class MeasuringFeedLivenessTests
{
    [Fact]
    public void CpoFeedSilent_IsDownAndDisconnected()
    {
        // Last pull 10:00 keeps the feed alive until 10:15; the next pull is at 12:00.
        var result = Compute(Input().WithoutPulls(Apr(10, 10, 1), Apr(10, 12)));

        Assert.Equal(6_300, result.Seconds.D);                          // 10:15-12:00 = 105 min = 6,300 s
        Assert.Equal(6_300, result.Seconds.Dc);
        Assert.Equal(0, result.Seconds.U);
        Assert.Equal("FEED_DOWN → AVAILABLE", Assert.Single(result.Outages).StatusPathText);
    }

    [Fact]
    public void PortalOutage_IsUnmeasuredNotDown()
    {
        var input = Input().WithoutPulls(Apr(10, 10, 1), Apr(10, 12)) with
        {
            Unmeasured = [new UnmeasuredInterval(Apr(10, 10), Apr(10, 12), UnmeasuredCause.PortalOutage)],
        };

        var result = Compute(input);

        Assert.Equal(7_200, result.Seconds.U);                          // the whole outage 10:00-12:00
        Assert.Equal(0, result.Seconds.D);
        Assert.Equal(0, result.Seconds.Dc);
        Assert.Equal(1m, result.Availability);                          // (S - U - 0) / (S - U - 0)
        Assert.Equal(2_584_800m / 2_592_000m, result.Coverage);          // (2,592,000 - 7,200) / 2,592,000 = 0.99722 >= 0.98
        Assert.Equal(UptimeVerdict.Pass, result.AvailabilityVerdict);
    }

    [Fact]
    public void ControlProbeFailedToo_OnlyTheSilentFeedIsUnmeasured()
    {
        var input = Input(Ev("OUTOFORDER", Apr(10, 9)), Ev("AVAILABLE", Apr(10, 13))).WithoutPulls(Apr(10, 10, 1), Apr(10, 12)) with
        {
            Unmeasured = [new UnmeasuredInterval(Apr(10, 10), Apr(10, 12), UnmeasuredCause.ControlProbeFailed)],
        };

        var result = Compute(input);

        Assert.Equal(6_300, result.Seconds.U);                          // feed down 10:15-12:00 inside the probe failure
        Assert.Equal(8_100, result.Seconds.D);                          // OUTOFORDER 09:00-10:15 (4,500) + 12:00-13:00 (3,600)
        Assert.Equal(2, result.Outages.Count);                          // the unmeasured time splits the outage
    }

    [Fact]
    public void LowCoverage_MakesTheResultProvisional()
    {
        var input = Input() with { Unmeasured = [new UnmeasuredInterval(Apr(1), Apr(2), UnmeasuredCause.PortalOutage)] };

        var result = Compute(input);

        Assert.Equal(2_505_600m / 2_592_000m, result.Coverage);          // (2,592,000 - 86,400) / 2,592,000 = 0.96667 < 0.98
        Assert.Equal(1m, result.Availability);
        Assert.Equal(UptimeVerdict.Provisional, result.AvailabilityVerdict);
    }

    [Fact]
    public void TierAConnectivityLog_AddsItsOfflineTimeToDisconnected()
    {
        // OCPI says AVAILABLE, the CPO's OCPP log says offline 10:00-10:30: worst of both for R1, status as published for R2.
        var input = Input() with { ConnectivityLogOffline = [new TimeInterval(Apr(10, 10), Apr(10, 10, 30))] };

        var result = Compute(input);

        Assert.Equal(EvidenceTier.A, result.ConnectivityTier);
        Assert.Equal(1_800, result.Seconds.Dc);                         // 30 min
        Assert.Equal(0, result.Seconds.D);
        Assert.Equal(2_590_200m / 2_592_000m, result.Connectivity);      // (2,592,000 - 1,800) / 2,592,000
    }
}
