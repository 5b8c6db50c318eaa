using Portal.Domain.Audits.Uptime;
using Portal.Integration.Audits.Reports;
using static Portal.Tests.Support.Audits.AuditReportScenario;

namespace Portal.Integration.Tests.Audits.Reports;

public sealed class BuildingAnAuditReportTests
{
    private readonly AuditReport _report = Report();

    [Fact]
    public void EachEvse_CarriesTheMetricsFigures()
    {
        var e3 = Assert.Single(_report.Evses, r => r.Evse.Key.EvseUid == "E3");

        Assert.Equal(new UptimeSeconds(2_592_000, 2_592_000, 0, 0, 93_600, 86_400, 7_200, 0), e3.Seconds);   // D = 7,200 + 86,400; X = 86,400; Dc = the UNKNOWN 7,200
        Assert.Equal(2_498_400m / 2_505_600m, e3.Availability);    // (2,592,000 - 93,600) / (2,592,000 - 86,400)
        Assert.Equal(2_584_800m / 2_592_000m, e3.NeviUptime);      // (2,592,000 - (93,600 - 86,400)) / 2,592,000
        Assert.Equal(2_584_800m / 2_592_000m, e3.Connectivity);    // (2,592,000 - 7,200) / (2,592,000 - 0)
        Assert.Equal(2, e3.Outages);
        Assert.Equal(["E1", "E2", "E3"], _report.Evses.Select(r => r.Evse.Key.EvseUid));
    }

    [Fact]
    public void TheNetwork_IsTimeWeighted_WithShareAndPercentiles()
    {
        var network = _report.Network;

        Assert.Equal("Laadnet BV", network.Scope);
        Assert.Equal(3, network.Evses);
        Assert.Equal(7_671_600m / 7_689_600m, network.TimeWeightedAvailability);   // (7,776,000 - 104,400) / (7,776,000 - 86,400)
        Assert.Equal(1m, network.ShareMeetingThreshold);                            // 1, 0.99583 and 0.99713 all meet 0.95
        Assert.Equal(2_498_400m / 2_505_600m, network.P50);                         // the middle of [0.99583 0.99713 1]: E3's A
        Assert.Equal(99.60m, UptimeReporting.Percent(network.P5));                  // h = 2 x 0.05 = 0.1: 0.995833 + 0.1 x (0.997126 - 0.995833) = 0.995963
        Assert.Equal(7_768_800m / 7_776_000m, network.TimeWeightedConnectivity);    // (7,776,000 - 7,200) / 7,776,000
    }

    [Fact]
    public void EachLocation_HasItsOwnFigures_AndItsAddress()
    {
        Assert.Equal(["ARN-001", "ARN-002"], _report.Locations.Select(l => l.Scope));
        var first = _report.Locations[0];
        Assert.Equal("Velperweg 1, Arnhem", first.Address);
        Assert.Equal(2, first.Evses);
        Assert.Equal(5_173_200m / 5_184_000m, first.TimeWeightedAvailability);     // (2 x 2,592,000 - 10,800) / (2 x 2,592,000)
    }

    [Fact]
    public void TheOutages_CarryTheirExclusion_CategoryAndReason()
    {
        Assert.Equal([("E2", 10_800L), ("E3", 7_200L), ("E3", 86_400L)], _report.Outages.Select(o => (o.Evse.Key.EvseUid, o.CountedSeconds)));
        var excluded = _report.Outages[2];
        Assert.True(excluded.Excluded);
        Assert.Equal(86_400, excluded.ExcludedSeconds);
        Assert.Equal(new AuditOutageExclusion("CLM-7", "E2", "Aanrijding, proces-verbaal PV-2026-1234"), Assert.Single(excluded.Exclusions));
        Assert.Equal("OUTOFORDER \u2192 AVAILABLE", excluded.StatusPath);
        Assert.False(_report.Outages[1].Excluded);
        Assert.Equal("UNKNOWN \u2192 AVAILABLE", _report.Outages[1].StatusPath);
    }

    [Fact]
    public void TheFingerprint_CombinesEveryEvsesInput_WhateverTheOrder()
    {
        var evses = ThreeEvses();
        var reversed = AuditReportBuilder.Build(Header(), evses.Reverse());

        Assert.Equal(UptimeFingerprint.Combine(evses.Select(e => (e.Item2.Evse, e.Item2.Fingerprint))), _report.Fingerprint);
        Assert.Equal(_report.Fingerprint, reversed.Fingerprint);
        Assert.Matches("^[0-9a-f]{64}$", _report.Fingerprint);
    }
}
