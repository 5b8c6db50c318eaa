using Portal.Domain.Audits.Uptime;

namespace Portal.Domain.Audits.Runs;

/// <summary>One group's availability in one month: its EVSEs, time-weighted availability and share meeting the threshold (section 8).</summary>
public sealed record AvailabilityTrendPoint(string Group, DateOnly Month, int Evses, decimal? TimeWeightedAvailability, decimal? ShareMeetingThreshold);

/// <summary>
/// Availability over time per group (a CPO, a district): every EVSE's stored monthly figures aggregated per group and
/// month by <see cref="UptimeAggregation"/>, so a month's point weighs each EVSE by its measured time, not by its count.
/// Points come ordered by group (ordinal), then month.
/// </summary>
public static class AvailabilityTrend
{
    public static IReadOnlyList<AvailabilityTrendPoint> Of(IEnumerable<(string Group, DateOnly Month, IEvseUptimeFigures Figures)> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return rows
            .GroupBy(r => (r.Group, r.Month))
            .OrderBy(g => g.Key.Group, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Month)
            .Select(g =>
            {
                var aggregate = UptimeAggregation.Of(g.Select(r => r.Figures));
                return new AvailabilityTrendPoint(g.Key.Group, g.Key.Month, aggregate.Evses, aggregate.TimeWeightedAvailability, aggregate.ShareMeetingThreshold);
            })
            .ToList();
    }
}
