using Portal.Domain.Audits;
using Portal.Domain.Audits.Uptime;

namespace Portal.Integration.Audits.Reports;

/// <summary>
/// Builds an <see cref="AuditReport"/> from a header and the metric's result per EVSE: the rows as the metric gave them,
/// the network and per-location figures from <see cref="UptimeAggregation"/> and <see cref="ConnectivityAggregation"/>,
/// and one fingerprint over all inputs (<see cref="UptimeFingerprint.Combine"/>). Pure: no I/O.
/// </summary>
public static class AuditReportBuilder
{
    /// <param name="header">The run's header.</param>
    /// <param name="results">Each EVSE with its result for the header's period.</param>
    /// <param name="claimReasons">The approved reason per exclusion claim id, shown beside the outages it excluded.</param>
    public static AuditReport Build(AuditReportHeader header, IEnumerable<(AuditEvse Evse, EvseUptimeResult Result)> results, IReadOnlyDictionary<string, string>? claimReasons = null)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(results);
        var ordered = results
            .OrderBy(r => r.Evse.Key.LocationId, StringComparer.Ordinal)
            .ThenBy(r => r.Evse.Key.EvseUid, StringComparer.Ordinal)
            .ToList();

        return Build(header,
            UptimeFingerprint.Combine(ordered.Select(r => (r.Result.Evse, r.Result.Fingerprint))),
            ordered.Select(r => Row(r.Evse, r.Result)),
            ordered.SelectMany(r => Outages(r.Evse, r.Result, claimReasons)));
    }

    /// <summary>
    /// Builds a report from rows already computed (a stored audit run's figures): the network and per-location figures are
    /// aggregated from the rows with the header's thresholds, the rows ordered by location and EVSE, outages by start.
    /// </summary>
    public static AuditReport Build(AuditReportHeader header, string fingerprint, IEnumerable<AuditEvseRow> rows, IEnumerable<AuditOutageRow> outages)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(outages);
        var ordered = rows
            .OrderBy(r => r.Evse.Key.LocationId, StringComparer.Ordinal)
            .ThenBy(r => r.Evse.Key.EvseUid, StringComparer.Ordinal)
            .ToList();
        var rank = ordered.Select((r, i) => (r.Evse.Key, i)).ToDictionary(p => p.Key, p => p.i);
        IReadOnlyList<IEvseUptimeFigures> Figures(IEnumerable<AuditEvseRow> group) =>
            [.. group.Select(r => new EvseUptimeFigures(r.Seconds, r.Availability, r.Connectivity, r.AvailabilityVerdict, r.ConnectivityVerdict,
                header.AvailabilityThreshold, header.ConnectivityThreshold))];

        var locations = ordered
            .GroupBy(r => r.Evse.Key.LocationId, StringComparer.Ordinal)
            .Select(g => Aggregate(g.Key, g.Select(r => r.Evse.Address).FirstOrDefault(a => a is not null), Figures(g)))
            .ToList();
        return new AuditReport(
            header,
            fingerprint,
            Aggregate(header.CpoName, null, Figures(ordered)),
            locations,
            ordered,
            [.. outages.OrderBy(o => rank.GetValueOrDefault(o.Evse.Key, int.MaxValue)).ThenBy(o => o.Start)]);
    }

    private static AuditAggregateRow Aggregate(string scope, string? address, IReadOnlyList<IEvseUptimeFigures> results)
    {
        var availability = UptimeAggregation.Of(results);
        var connectivity = ConnectivityAggregation.Of(results);
        return new AuditAggregateRow(scope, address, availability.Evses, availability.TimeWeightedAvailability, availability.ShareMeetingThreshold,
            availability.P5, availability.P50, connectivity.TimeWeightedConnectivity);
    }

    private static AuditEvseRow Row(AuditEvse evse, EvseUptimeResult result) =>
        new(evse, result.Seconds, result.Availability, result.Connectivity, result.NeviUptime, result.Coverage,
            result.AvailabilityVerdict, result.ConnectivityVerdict, result.Outages.Count);

    private static IEnumerable<AuditOutageRow> Outages(AuditEvse evse, EvseUptimeResult result, IReadOnlyDictionary<string, string>? reasons)
    {
        var categories = result.Exclusions.ToDictionary(e => e.ClaimId, e => e.Category, StringComparer.Ordinal);
        return result.Outages.OrderBy(o => o.Start).Select(o => new AuditOutageRow(
            evse,
            o.Start,
            o.End,
            o.CountedSeconds,
            o.ExcludedSeconds,
            [.. o.ExcludedByClaims.Select(claim => new AuditOutageExclusion(
                claim,
                categories.TryGetValue(claim, out var category) ? category.Code() : "",
                reasons?.GetValueOrDefault(claim)))],
            o.StatusPathText));
    }
}
