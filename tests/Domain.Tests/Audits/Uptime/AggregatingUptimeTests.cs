using Portal.Domain.Audits.Uptime;
using static Portal.Domain.Tests.Audits.Uptime.UptimeScenario;

namespace Portal.Domain.Tests.Audits.Uptime;

public sealed class AggregatingUptimeTests
{
    private static (EvseUptimeResult, UptimeGrouping) Result(string uid, string cpo, long s, long d)
    {
        var availability = s > 0 ? (decimal)(s - d) / s : (decimal?)null;
        var result = new EvseUptimeResult
        {
            Evse = Evse with { EvseUid = uid },
            Period = AprilPeriod,
            Fingerprint = uid,
            Seconds = new UptimeSeconds(s, s, 0, 0, d, 0, 0, 0),
            Availability = availability,
            AvailabilityThreshold = 0.95m,
            ConnectivityThreshold = 0.98m,
            AvailabilityVerdict = availability is null ? UptimeVerdict.InsufficientExposure : availability >= 0.95m ? UptimeVerdict.Pass : UptimeVerdict.Fail,
            ConnectivityVerdict = UptimeVerdict.Pass,
            ConnectivityTier = EvidenceTier.B,
            Outages = [],
            Exclusions = [],
            Flags = new TimelineFlags(0, 0, 0, [], false, false, []),
            PlannedMaintenanceExcluded = TimeSpan.Zero,
        };
        return (result, new UptimeGrouping("LOC-" + cpo, cpo, "C-1", "GM0363"));
    }

    private static readonly (EvseUptimeResult, UptimeGrouping)[] Network =
    [
        Result("E1", "A", 1_000, 0),      // A = 1
        Result("E2", "A", 1_000, 100),    // A = 0.90
        Result("E3", "B", 1_000, 40),     // A = 0.96
        Result("E4", "B", 2_000, 120),    // A = 0.94
        Result("E5", "B", 0, 0),          // decommissioned before the period: no exposure, not rated
    ];

    [Fact]
    public void Network_IsTimeWeightedWithShareAndPercentiles()
    {
        var all = UptimeAggregation.Of(Network.Select(r => r.Item1));

        Assert.Equal(5, all.Evses);
        Assert.Equal(4, all.Rated);
        Assert.Equal(0.948m, all.TimeWeightedAvailability);             // (1,000 + 900 + 960 + 1,880) / 5,000 = 4,740 / 5,000
        Assert.Equal(0.5m, all.ShareMeetingThreshold);                  // 1 and 0.96 meet 0.95: 2 of 4
        Assert.Equal(0.95m, all.P50);                                   // [0.90 0.94 0.96 1]: h = 3 x 0.5 = 1.5 -> 0.94 + 0.5 x 0.02
        Assert.Equal(0.906m, all.P5);                                   // h = 3 x 0.05 = 0.15 -> 0.90 + 0.15 x 0.04
    }

    [Fact]
    public void PerCpoNetwork_GroupsByOperator()
    {
        var perCpo = UptimeAggregation.PerCpoNetwork(Network);

        Assert.Equal(0.95m, perCpo["A"].TimeWeightedAvailability);      // (1,000 + 900) / 2,000
        Assert.Equal(2_840m / 3_000m, perCpo["B"].TimeWeightedAvailability);   // (960 + 1,880 + 0) / (1,000 + 2,000 + 0)
        Assert.Equal(0.5m, perCpo["B"].ShareMeetingThreshold);          // 0.96 meets, 0.94 does not; E5 unrated
        Assert.Equal(5, UptimeAggregation.PerMunicipality(Network)["GM0363"].Evses);
    }

    [Fact]
    public void PhysicalUnit_IsDownOnlyWhileAllItsConnectorsAreDown()
    {
        var ccs = Input(Ev("OUTOFORDER", Apr(10, 10)), Ev("AVAILABLE", Apr(10, 12)));
        var chademo = Input(Ev("OUTOFORDER", Apr(10, 11)), Ev("AVAILABLE", Apr(10, 13))) with { Evse = Evse with { EvseUid = "EVSE2" } };

        var unit = new UptimeMetric().ComputePhysicalUnit("UNIT-1", [ccs, chademo]);

        Assert.Equal(April, unit.S);
        Assert.Equal(3_600, unit.D);                                    // both down only 11:00-12:00
        Assert.Equal(2_588_400m / 2_592_000m, unit.Availability);        // (2,592,000 - 3,600) / 2,592,000
        Assert.Equal(7_200, Compute(ccs).Seconds.D);                    // each connector keeps its own 2 h outage
    }
}
