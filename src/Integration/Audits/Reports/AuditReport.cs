using Portal.Domain.Audits.Uptime;

namespace Portal.Integration.Audits.Reports;

/// <summary>Which audit a report belongs to: a calendar month, a contract year, or the rolling 12 months recomputed monthly.</summary>
public enum AuditReportKind
{
    Monthly,
    Annual,
    Rolling12,
}

/// <summary>A provisional report may still change (claims window open, or not yet signed); a signed one is frozen.</summary>
public enum AuditReportStatus
{
    Provisional,
    Signed,
}

/// <summary>
/// What a report is about and under which terms it was computed; the caller fills it from the stored audit run.
/// <see cref="PeriodStart"/> and <see cref="PeriodEnd"/> are the measured period's instants [start, end), local
/// midnights in <see cref="TimeZoneId"/>. Thresholds are fractions (0.95, 0.98), as the metric uses them.
/// </summary>
public sealed record AuditReportHeader
{
    public required string Municipality { get; init; }
    public required string ContractReference { get; init; }
    public string? Lot { get; init; }
    public required string CpoName { get; init; }
    public required AuditReportKind Kind { get; init; }
    public required DateTimeOffset PeriodStart { get; init; }
    public required DateTimeOffset PeriodEnd { get; init; }
    public string TimeZoneId { get; init; } = "Europe/Amsterdam";
    public required int Version { get; init; }
    public required AuditReportStatus Status { get; init; }
    public string? SignedBy { get; init; }
    public DateTimeOffset? SignedAt { get; init; }
    public string MetricVersion { get; init; } = UptimeMetric.Version;
    public required decimal AvailabilityThreshold { get; init; }
    public required decimal ConnectivityThreshold { get; init; }

    /// <summary>Whether the contract lets approved third-party damage (E2) out of availability.</summary>
    public bool ExcludesExogenousDamage { get; init; } = true;

    public required DateTimeOffset ComputedAt { get; init; }
}

/// <summary>An EVSE as the report names it: its OCPI key, its display id (evse_id) and address when known, and its connectors.</summary>
public sealed record AuditEvse(EvseKey Key, string? EvseId = null, string? Address = null, IReadOnlyList<string>? ConnectorIds = null);

/// <summary>
/// Section 8's figures for a group of EVSEs (the CPO's network under the contract, or one location): time-weighted
/// availability and connectivity, the share of rated EVSEs meeting the availability threshold, p5 and p50 of A.
/// </summary>
public sealed record AuditAggregateRow(
    string Scope,
    string? Address,
    int Evses,
    decimal? TimeWeightedAvailability,
    decimal? ShareMeetingThreshold,
    decimal? P5,
    decimal? P50,
    decimal? TimeWeightedConnectivity);

/// <summary>One EVSE's figures: the section 6 times in seconds, the unrounded fractions, the verdicts, and its outage count.</summary>
public sealed record AuditEvseRow(
    AuditEvse Evse,
    UptimeSeconds Seconds,
    decimal? Availability,
    decimal? Connectivity,
    decimal? NeviUptime,
    decimal? Coverage,
    UptimeVerdict AvailabilityVerdict,
    UptimeVerdict ConnectivityVerdict,
    int Outages)
{
    public string LocationId => Evse.Key.LocationId;
}

/// <summary>An exclusion that took time out of an outage: the ledger's claim, its category code (E1-E5) and the approved reason.</summary>
public sealed record AuditOutageExclusion(string ClaimId, string CategoryCode, string? Reason);

/// <summary>One merged outage of the register: counted seconds (inside opening hours), excluded seconds, the claims and the status path.</summary>
public sealed record AuditOutageRow(
    AuditEvse Evse,
    DateTimeOffset Start,
    DateTimeOffset End,
    long CountedSeconds,
    long ExcludedSeconds,
    IReadOnlyList<AuditOutageExclusion> Exclusions,
    string StatusPath)
{
    public bool Excluded => ExcludedSeconds > 0;
}

/// <summary>
/// An audit report, ready for the PDF and the CSV exports: the header, the combined fingerprint of every EVSE's input,
/// the network and per-location figures, a row per EVSE and a row per outage (in EVSE order, then by start).
/// </summary>
public sealed record AuditReport(
    AuditReportHeader Header,
    string Fingerprint,
    AuditAggregateRow Network,
    IReadOnlyList<AuditAggregateRow> Locations,
    IReadOnlyList<AuditEvseRow> Evses,
    IReadOnlyList<AuditOutageRow> Outages);
