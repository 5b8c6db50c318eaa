using Portal.Domain.Audits.Uptime;

namespace Portal.Integration.Audits.Reports;

/// <summary>
/// The audit as one CSV row per EVSE with every figure the metric published for it: the section 6 times in minutes,
/// A, C, the NEVI-compatible figure and coverage in percent, both verdicts, the number of outages.
/// </summary>
public static class AuditCsv
{
    private static readonly string[] Columns =
    [
        "evse", "evse_id", "location_id", "address", "connectors", "in_scope_minutes", "in_scope_24h_minutes", "unmeasured_minutes",
        "down_minutes", "excluded_minutes", "disconnected_minutes", "excluded_disconnected_minutes", "availability_percent",
        "connectivity_percent", "nevi_uptime_percent", "coverage_percent", "availability_verdict", "connectivity_verdict", "outages",
    ];

    public static byte[] Evses(AuditReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return AuditCsvFormat.Table(Columns, report.Evses.Select(Row));
    }

    private static string[] Row(AuditEvseRow row)
    {
        var s = row.Seconds;
        return
        [
            row.Evse.Key.ToString(), row.Evse.EvseId ?? "", row.LocationId, row.Evse.Address ?? "", string.Join(' ', row.Evse.ConnectorIds ?? []),
            AuditCsvFormat.Minutes(s.S), AuditCsvFormat.Minutes(s.S24), AuditCsvFormat.Minutes(s.U), AuditCsvFormat.Minutes(s.D), AuditCsvFormat.Minutes(s.X),
            AuditCsvFormat.Minutes(s.Dc), AuditCsvFormat.Minutes(s.Xc), AuditCsvFormat.Percent(row.Availability), AuditCsvFormat.Percent(row.Connectivity),
            AuditCsvFormat.Percent(row.NeviUptime), AuditCsvFormat.Percent(row.Coverage), Verdict(row.AvailabilityVerdict), Verdict(row.ConnectivityVerdict),
            AuditCsvFormat.Count(row.Outages),
        ];
    }

    private static string Verdict(UptimeVerdict verdict) => verdict switch
    {
        UptimeVerdict.Pass => "pass",
        UptimeVerdict.Fail => "fail",
        UptimeVerdict.Provisional => "provisional",
        UptimeVerdict.InsufficientExposure => "insufficient_exposure",
        _ => throw new ArgumentOutOfRangeException(nameof(verdict), verdict, null),
    };
}
