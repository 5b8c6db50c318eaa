using System.Text;
using Portal.Integration.Audits.Reports;
using static Portal.Integration.Tests.Audits.Reports.AuditReportTestTexts;
using static Portal.Tests.Support.Audits.AuditReportScenario;

namespace Portal.Integration.Tests.Audits.Reports;

public sealed class WritingAuditCsvTests
{
    private readonly AuditReport _report = Report();

    [Fact]
    public void TheEvseCsv_HasAHeader_AndARowPerEvse_WithTheHandWorkedFigures()
    {
        var rows = CsvRows(AuditCsv.Evses(_report));

        Assert.Equal(4, rows.Count);
        Assert.Equal(["evse", "evse_id", "location_id", "address", "connectors", "in_scope_minutes"], rows[0][..6]);
        var e2 = rows[2];
        Assert.Equal(
            ["NL*ARN*ARN-001*E2", "NL*ARN*E2", "ARN-001", "Velperweg 1, Arnhem", "1 2",
             "43200.00",            // S = 2,592,000 s / 60
             "43200.00", "0.00",    // S24, U
             "180.00",              // D = 3 h = 10,800 s / 60
             "0.00", "0.00", "0.00",
             "99.58",               // A = (2,592,000 - 10,800) / 2,592,000 = 0.995833
             "100.00",              // C: OUTOFORDER is connected
             "99.58", "100.00", "pass", "pass", "1"],
            e2);
        var e3 = rows[3];
        Assert.Equal(
            ["1560.00",             // D = (7,200 + 86,400) / 60
             "1440.00",             // X = 86,400 / 60
             "120.00",              // Dc = the UNKNOWN 7,200 s / 60
             "0.00",                // Xc: E2 does not excuse connectivity
             "99.71",               // A = 2,498,400 / 2,505,600 = 0.997126
             "99.72",               // C = 2,584,800 / 2,592,000 = 0.997222
             "99.72",               // NEVI = (2,592,000 - 7,200) / 2,592,000
             "100.00", "pass", "pass", "2"],
            e3[8..]);
    }

    [Fact]
    public void ACellStartingLikeAFormula_IsNeutralised()
    {
        var csv = Encoding.UTF8.GetString(AuditCsv.Evses(_report));
        var provider = Encoding.UTF8.GetString(EvChartCsv.Uptime(AuditReportBuilder.Build(Header() with { CpoName = "=cmd|' /C calc'!A0" }, ThreeEvses())));

        Assert.Contains(";\"'=HYPERLINK(\"\"http://x\"\")\";", csv, StringComparison.Ordinal);   // apostrophe first, then quoted for its quotes
        Assert.DoesNotContain(";=", csv, StringComparison.Ordinal);
        Assert.Contains(";'=cmd|' /C calc'!A0;", provider, StringComparison.Ordinal);
    }

    [Fact]
    public void TheEvChartUptimeModule_HasARowPerPort_WithUptimeAndOutageMinutes()
    {
        var rows = CsvRows(EvChartCsv.Uptime(_report));

        Assert.Equal(["station_id", "port_id", "network_provider", "uptime_reporting_start", "uptime_reporting_end", "uptime", "total_outage", "total_outage_excl"], rows[0]);
        Assert.Equal(4, rows.Count);
        Assert.Equal(["ARN-001", "E1", "Laadnet BV", "2026-10-31T23:00:00Z", "2026-11-30T23:00:00Z", "100.00", "0.00", "0.00"], rows[1]);
        Assert.Equal(["ARN-001", "E2", "Laadnet BV", "2026-10-31T23:00:00Z", "2026-11-30T23:00:00Z",
            "99.58",        // (2,592,000 - 10,800) / 2,592,000
            "180.00", "0.00"], rows[2]);
        Assert.Equal(["ARN-002", "E3", "Laadnet BV", "2026-10-31T23:00:00Z", "2026-11-30T23:00:00Z",
            "99.72",        // NEVI: (2,592,000 - (93,600 - 86,400)) / 2,592,000 = 0.997222
            "1560.00",      // D: 93,600 s / 60
            "1440.00"],     // X: 86,400 s / 60
            rows[3]);
    }

    [Fact]
    public void TheEvChartOutageModule_HasARowPerOutage_WithItsExclusion()
    {
        var rows = CsvRows(EvChartCsv.Outages(_report));

        Assert.Equal(["station_id", "port_id", "network_provider", "outage_id", "outage_duration", "excluded_outage", "excluded_outage_reason", "excluded_outage_notes"], rows[0]);
        Assert.Equal(4, rows.Count);
        Assert.Equal(["ARN-001", "E2", "Laadnet BV", "2026-11-10T10:00:00Z", "180.00", "0", "", ""], rows[1]);     // 10:00-13:00 UTC = 180 min
        Assert.Equal(["ARN-002", "E3", "Laadnet BV", "2026-11-05T12:00:00Z", "120.00", "0", "", ""], rows[2]);     // 12:00-14:00 UTC = 120 min
        Assert.Equal(["ARN-002", "E3", "Laadnet BV", "2026-11-20T08:00:00Z", "1440.00", "1", "",
            "1440.00 of 1440.00 min excluded by E2 CLM-7 (Aanrijding, proces-verbaal PV-2026-1234)"], rows[3]);     // 24 h = 1,440 min, all of it excluded
    }

    [Fact]
    public void LongExclusionNotes_AreCutAtTheTemplatesLimit()
    {
        var report = AuditReportBuilder.Build(Header(), ThreeEvses(), new Dictionary<string, string> { ["CLM-7"] = new string('x', 400) });

        var notes = CsvRows(EvChartCsv.Outages(report))[3][7];

        Assert.Equal(255, notes.Length);     // excluded_outage_notes holds at most 255 characters
        Assert.StartsWith("1440.00 of 1440.00 min excluded by E2 CLM-7 (xxx", notes, StringComparison.Ordinal);
    }
}
