namespace Portal.Domain.Audits.Uptime;

/// <summary>
/// What aggregation (section 8) reads of one EVSE: its seconds, unrounded ratios, verdicts and the thresholds they were
/// judged against. The metric's fresh <see cref="EvseUptimeResult"/> has them, and so has a row of a stored audit run.
/// </summary>
public interface IEvseUptimeFigures
{
    UptimeSeconds Seconds { get; }
    decimal? Availability { get; }
    decimal? Connectivity { get; }
    UptimeVerdict AvailabilityVerdict { get; }
    UptimeVerdict ConnectivityVerdict { get; }

    /// <summary>The thresholds used, as fractions (0.95, 0.98).</summary>
    decimal AvailabilityThreshold { get; }
    decimal ConnectivityThreshold { get; }
}

/// <summary>The figures of one EVSE as plain values, for figures read back from storage or a report row.</summary>
public sealed record EvseUptimeFigures(
    UptimeSeconds Seconds,
    decimal? Availability,
    decimal? Connectivity,
    UptimeVerdict AvailabilityVerdict,
    UptimeVerdict ConnectivityVerdict,
    decimal AvailabilityThreshold,
    decimal ConnectivityThreshold) : IEvseUptimeFigures;
