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

        var locations = ordered
            .GroupBy(r => r.Evse.Key.LocationId, StringComparer.Ordinal)
            .Select(g => Aggregate(g.Key, g.Select(r => r.Evse.Address).FirstOrDefault(a => a is not null), [.. g.Select(r => r.Result)]))
            .ToList();

        return new AuditReport(
            header,
            UptimeFingerprint.Combine(ordered.Select(r => (r.Result.Evse, r.Result.Fingerprint))),
            Aggregate(header.CpoName, null, [.. ordered.Select(r => r.Result)]),
            locations,
            [.. ordered.Select(r => Row(r.Evse, r.Result))],
            [.. ordered.SelectMany(r => Outages(r.Evse, r.Result, claimReasons))]);
    }

    private static AuditAggregateRow Aggregate(string scope, string? address, IReadOnlyList<EvseUptimeResult> results)
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
