namespace Portal.Domain.Audits.DataQuality;

/// <summary>One stored status event of an EVSE: the OCPI status, its last_updated (t_evt) and when the portal received it (t_rcv).</summary>
public sealed record StatusObservation(string Status, DateTime OccurredAtUtc, DateTime ReceivedAtUtc);

/// <summary>A session the CPO reported on an EVSE; an open session (no end yet) lasts until the period ends.</summary>
public sealed record SessionSpan(DateTime StartUtc, DateTime? EndUtc)
{
    public DateTime EndOr(DateTime openUntilUtc) => EndUtc ?? openUntilUtc;

    public bool Overlaps(DateTime fromUtc, DateTime untilUtc, DateTime openUntilUtc) => StartUtc < untilUtc && EndOr(openUntilUtc) > fromUtc;
}

/// <summary>Everything <see cref="EvseDataQuality.Assess"/> reads of one EVSE for a period.</summary>
/// <param name="LatencySeconds">The contract's data latency where one covers the EVSE, else <see cref="DataQualityRules.DefaultLatencySeconds"/>.</param>
/// <param name="CarriedIn">The last event before the period: the status the EVSE entered the period in (null: none known).</param>
/// <param name="Events">The events whose t_evt lies in the period, in any order.</param>
/// <param name="Sessions">The EVSE's sessions that overlap the period (also those that started before it).</param>
/// <param name="SiblingSessions">The sessions of the other EVSEs at the same location that overlap the period.</param>
public sealed record EvseHistory(
    int LatencySeconds,
    StatusObservation? CarriedIn,
    IReadOnlyList<StatusObservation> Events,
    IReadOnlyList<SessionSpan> Sessions,
    IReadOnlyList<SessionSpan> SiblingSessions);
