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
