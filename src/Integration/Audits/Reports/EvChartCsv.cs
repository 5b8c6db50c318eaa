namespace Portal.Integration.Audits.Reports;

/// <summary>
/// The audit in the shape of the US Joint Office's EV-ChART data input template, so the figures can be set beside the
/// best-known public format: module 3 (uptime, one row per port and period) and module 4 (outages, one row per
/// outage). Column names are the template's; what each is filled from, and what stays empty, is in
/// docs/decisions/2026-12-ev-chart-export.md. An OCPI EVSE is a NEVI port (uptime metric, section 1).
/// </summary>
public static class EvChartCsv
{
    private static readonly string[] UptimeColumns =
        ["station_id", "port_id", "network_provider", "uptime_reporting_start", "uptime_reporting_end", "uptime", "total_outage", "total_outage_excl"];

    private static readonly string[] OutageColumns =
        ["station_id", "port_id", "network_provider", "outage_id", "outage_duration", "excluded_outage", "excluded_outage_reason", "excluded_outage_notes"];

    /// <summary>The template allows 255 characters of notes per outage.</summary>
    private const int NotesLength = 255;

    /// <summary>Module 3: uptime is the NEVI-compatible figure µ_NEVI; total_outage is D and total_outage_excl is X, in minutes.</summary>
    public static byte[] Uptime(AuditReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var h = report.Header;
        return AuditCsvFormat.Table(UptimeColumns, report.Evses.Select(row => (IReadOnlyList<string>)
        [
            row.LocationId, row.Evse.Key.EvseUid, h.CpoName, AuditCsvFormat.Instant(h.PeriodStart), AuditCsvFormat.Instant(h.PeriodEnd),
            AuditCsvFormat.Percent(row.NeviUptime), AuditCsvFormat.Minutes(row.Seconds.D), AuditCsvFormat.Minutes(row.Seconds.X),
        ]));
    }

    /// <summary>Module 4: outage_id is the outage's start (the template's own convention), its duration the counted minutes.</summary>
    public static byte[] Outages(AuditReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var provider = report.Header.CpoName;
        return AuditCsvFormat.Table(OutageColumns, report.Outages.Select(o => (IReadOnlyList<string>)
        [
            o.Evse.Key.LocationId, o.Evse.Key.EvseUid, provider, AuditCsvFormat.Instant(o.Start), AuditCsvFormat.Minutes(o.CountedSeconds),
            o.Excluded ? "1" : "0", "", Notes(o),
        ]));
    }

    /// <summary>How much of the outage which claims excluded, e.g. "1440.00 of 1440.00 min excluded by E2 CLM-7 (aanrijding)"; empty when none.</summary>
    private static string Notes(AuditOutageRow outage)
    {
        if (!outage.Excluded)
            return "";
        var claims = string.Join(", ", outage.Exclusions.Select(e => string.IsNullOrWhiteSpace(e.Reason) ? $"{e.CategoryCode} {e.ClaimId}" : $"{e.CategoryCode} {e.ClaimId} ({e.Reason})"));
        var notes = $"{AuditCsvFormat.Minutes(outage.ExcludedSeconds)} of {AuditCsvFormat.Minutes(outage.CountedSeconds)} min excluded by {claims}";
        return notes.Length <= NotesLength ? notes : notes[..NotesLength];
    }
}
