namespace Portal.Domain.Audits.Uptime;

/// <summary>What a figure says against its threshold (section 6, data sufficiency).</summary>
public enum UptimeVerdict
{
    Pass,
    Fail,

    /// <summary>Coverage below 98 %: the figure is shown but cannot prove compliance.</summary>
    Provisional,

    /// <summary>Less in-scope time than the minimum exposure (7 days a month, 30 a year), or none left after exclusions: "n/a".</summary>
    InsufficientExposure,
}

/// <summary>Section 7: tier A when the CPO supplied its OCPP connectivity log, tier B (lower assurance) on OCPI alone.</summary>
public enum EvidenceTier
{
    A,
    B,
}

/// <summary>The time quantities of section 6, in whole seconds.</summary>
public sealed record UptimeSeconds(long S, long S24, long U, long U24, long D, long X, long Dc, long Xc);

/// <summary>
/// One merged outage of the register (section 8): start and end in UTC, the time counted (inside the access mask),
/// the statuses passed through including the one that ended it, and the exclusion claims that took time out of it.
/// </summary>
public sealed record Outage(
    DateTimeOffset Start,
    DateTimeOffset End,
    long CountedSeconds,
    IReadOnlyList<string> StatusPath,
    long ExcludedSeconds,
    IReadOnlyList<string> ExcludedByClaims)
{
    public bool Excluded => ExcludedSeconds > 0;

    /// <summary>The path as the register shows it, e.g. "OUTOFORDER → AVAILABLE".</summary>
    public string StatusPathText => string.Join(" → ", StatusPath);
}

/// <summary>How much of a claim the metric applied (R2 and R1 seconds) and, when nothing or less, why.</summary>
public sealed record ExclusionOutcome(string ClaimId, ExclusionCategory Category, long ExcludedSeconds, long ExcludedConnectivitySeconds, ExclusionLimit Limit);

/// <summary>What limited an exclusion (the caps of section 5), or <see cref="None"/>.</summary>
public enum ExclusionLimit
{
    None,
    RebootGraceEnded,
    TenCalendarDaysPerIncident,
    PlannedMaintenanceNotAnnouncedInTime,
    PlannedMaintenanceNotInoperative,
    EightHoursPerEvent,
    SeventyTwoHoursPerYear,
    ContractCountsExogenousDamage,
}

/// <summary>Data-quality observations made while building the timeline (section 3 and 9).</summary>
public sealed record TimelineFlags(
    int Events,
    int FutureClamped,
    int Late,
    IReadOnlyList<StatusEvent> VeryLate,
    bool VeryLateApplied,
    bool BlockedOverFlagLimit,
    IReadOnlyList<string> UnrecognisedStatuses);

/// <summary>The metric's answer for one EVSE and one period; enough to publish, export and recompute.</summary>
public sealed record EvseUptimeResult : IEvseUptimeFigures
{
    public required EvseKey Evse { get; init; }
    public required MeasurementPeriod Period { get; init; }
    public string MetricVersion { get; init; } = UptimeMetric.Version;
    public required string Fingerprint { get; init; }
    public required UptimeSeconds Seconds { get; init; }

    /// <summary>A = (S − U − D) / (S − U − X), unrounded; null when the denominator is zero.</summary>
    public decimal? Availability { get; init; }

    /// <summary>µ_NEVI = (S − U − (D − X)) / (S − U).</summary>
    public decimal? NeviUptime { get; init; }

    /// <summary>C = (S24 − U24 − Dc) / (S24 − U24 − Xc).</summary>
    public decimal? Connectivity { get; init; }

    /// <summary>κ = (S − U) / S.</summary>
    public decimal? Coverage { get; init; }

    /// <summary>The same over all hours, (S24 − U24) / S24, for the connectivity verdict.</summary>
    public decimal? Coverage24 { get; init; }

    /// <summary>The thresholds used, as fractions (0.95, 0.98).</summary>
    public required decimal AvailabilityThreshold { get; init; }
    public required decimal ConnectivityThreshold { get; init; }

    public required UptimeVerdict AvailabilityVerdict { get; init; }
    public required UptimeVerdict ConnectivityVerdict { get; init; }
    public required EvidenceTier ConnectivityTier { get; init; }

    public required IReadOnlyList<Outage> Outages { get; init; }
    public required IReadOnlyList<ExclusionOutcome> Exclusions { get; init; }
    public required TimelineFlags Flags { get; init; }

    /// <summary>E5 time excluded in this period, to add to the yearly cap spent for the next period.</summary>
    public required TimeSpan PlannedMaintenanceExcluded { get; init; }
}

/// <summary>A physical unit's availability (section 8): its simultaneity group is DOWN only while all members are DOWN.</summary>
public sealed record PhysicalUnitUptime(string SimultaneityGroup, IReadOnlyList<EvseKey> Members, long S, long U, long D, long X, decimal? Availability);

/// <summary>Reporting rules: minutes with two decimals (EV-ChART), percentages with two decimals; both round half away from zero.</summary>
public static class UptimeReporting
{
    public static decimal Minutes(long seconds) => Math.Round(seconds / 60m, 2, MidpointRounding.AwayFromZero);

    public static decimal? Percent(decimal? fraction) => fraction is { } f ? Math.Round(f * 100m, 2, MidpointRounding.AwayFromZero) : null;
}
