using Portal.Domain.Installations;

namespace Portal.Domain.Audits.Uptime;

/// <summary>Where an EVSE's result is counted in section 8's secondary figures.</summary>
public sealed record UptimeGrouping(string LocationId, string Cpo, string? ContractId = null, string? Municipality = null);

/// <summary>
/// A group's figures (section 8): time-weighted availability Σ(S−U−D) / Σ(S−U−X) over every EVSE, and, over the EVSEs
/// that have a rated availability (not "insufficient exposure"), the share meeting their threshold and p5 / p50 of A,
/// so a network average cannot hide individual failures.
/// </summary>
public sealed record UptimeAggregate(
    int Evses,
    long S,
    long U,
    long D,
    long X,
    decimal? TimeWeightedAvailability,
    int Rated,
    int MeetingThreshold,
    decimal? ShareMeetingThreshold,
    decimal? P5,
    decimal? P50);

/// <summary>Pure aggregation over per-EVSE results; percentiles interpolate between ranks (<see cref="Percentile"/>, type 7).</summary>
public static class UptimeAggregation
{
    public static UptimeAggregate Of(IEnumerable<IEvseUptimeFigures> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        int evses = 0, meeting = 0;
        long s = 0, u = 0, d = 0, x = 0;
        var rated = new List<decimal>();
        foreach (var result in results)
        {
            evses++;
            s += result.Seconds.S;
            u += result.Seconds.U;
            d += result.Seconds.D;
            x += result.Seconds.X;
            if (result.AvailabilityVerdict == UptimeVerdict.InsufficientExposure || result.Availability is not { } a)
                continue;
            rated.Add(a);
            // The unrounded availability meets the threshold, whatever the verdict says about exposure and coverage.
            if (a >= result.AvailabilityThreshold)
                meeting++;
        }
        var denominator = s - u - x;
        return new UptimeAggregate(
            evses, s, u, d, x,
            denominator > 0 ? (decimal)(s - u - d) / denominator : null,
            rated.Count,
            meeting,
            rated.Count > 0 ? (decimal)meeting / rated.Count : null,
            Percentile.Of(rated, 0.05m),
            Percentile.Of(rated, 0.5m));
    }

    public static IReadOnlyDictionary<TKey, UptimeAggregate> By<TKey>(IEnumerable<(EvseUptimeResult Result, UptimeGrouping Grouping)> results, Func<UptimeGrouping, TKey> key)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(key);
        return results.GroupBy(r => key(r.Grouping)).ToDictionary(g => g.Key, g => Of(g.Select(r => r.Result)));
    }

    public static IReadOnlyDictionary<string, UptimeAggregate> PerLocation(IEnumerable<(EvseUptimeResult Result, UptimeGrouping Grouping)> results) =>
        By(results, g => g.LocationId);

    public static IReadOnlyDictionary<string, UptimeAggregate> PerCpoNetwork(IEnumerable<(EvseUptimeResult Result, UptimeGrouping Grouping)> results) =>
        By(results, g => g.Cpo);

    public static IReadOnlyDictionary<string, UptimeAggregate> PerContract(IEnumerable<(EvseUptimeResult Result, UptimeGrouping Grouping)> results) =>
        By(results.Where(r => r.Grouping.ContractId is not null), g => g.ContractId!);

    public static IReadOnlyDictionary<string, UptimeAggregate> PerMunicipality(IEnumerable<(EvseUptimeResult Result, UptimeGrouping Grouping)> results) =>
        By(results.Where(r => r.Grouping.Municipality is not null), g => g.Municipality!);
}
