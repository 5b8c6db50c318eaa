namespace Portal.Domain.Audits.Uptime;

/// <summary>
/// A group's R1 figures, the connectivity counterpart of <see cref="UptimeAggregate"/>: time-weighted connectivity
/// Σ(S24−U24−Dc) / Σ(S24−U24−Xc) over every EVSE, and the share of EVSEs with a rated connectivity (not "insufficient
/// exposure") that meet their threshold.
/// </summary>
public sealed record ConnectivityAggregate(int Evses, decimal? TimeWeightedConnectivity, int Rated, int MeetingThreshold, decimal? ShareMeetingThreshold);

public static class ConnectivityAggregation
{
    public static ConnectivityAggregate Of(IEnumerable<IEvseUptimeFigures> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        int evses = 0, rated = 0, meeting = 0;
        long numerator = 0, denominator = 0;
        foreach (var result in results)
        {
            evses++;
            var s = result.Seconds;
            numerator += s.S24 - s.U24 - s.Dc;
            denominator += s.S24 - s.U24 - s.Xc;
            if (result.ConnectivityVerdict == UptimeVerdict.InsufficientExposure || result.Connectivity is not { } c)
                continue;
            rated++;
            if (c >= result.ConnectivityThreshold)
                meeting++;
        }
        return new ConnectivityAggregate(
            evses,
            denominator > 0 ? (decimal)numerator / denominator : null,
            rated,
            meeting,
            rated > 0 ? (decimal)meeting / rated : null);
    }
}
