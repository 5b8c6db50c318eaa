using Portal.Domain.Installations;

namespace Portal.Domain.Audits.SmartCharging;

/// <summary>
/// The figures of a test run: the share of covered EVSEs declaring CHARGING_PROFILE_CAPABLE (and of the sampled
/// ones), the synchronous answer mix and the result mix (null counted as "none"), the result latency p50 and p90
/// (<see cref="Percentile"/>, the same interpolation as lead times and uptime), and adherence.
/// </summary>
public sealed record SmartChargingFigures(
    int CoveredEvses, int CapableEvses, int Sampled, int SampledCapable,
    IReadOnlyDictionary<string, int> AnswerMix, int Unanswered,
    IReadOnlyDictionary<string, int> ResultMix, int WithoutResult,
    double? LatencyP50Milliseconds, double? LatencyP90Milliseconds,
    int Measured, int Adhered)
{
    /// <summary>Percent of the covered EVSEs, one decimal; null without covered EVSEs.</summary>
    public decimal? CapablePercent => CoveredEvses == 0 ? null : decimal.Round(100m * CapableEvses / CoveredEvses, 1);

    public decimal? AdheredPercent => Measured == 0 ? null : decimal.Round(100m * Adhered / Measured, 1);

    public static SmartChargingFigures Of(int coveredEvses, int capableEvses, IReadOnlyList<EvseObservation> observations)
    {
        ArgumentNullException.ThrowIfNull(observations);
        var answers = SmartChargingAnswers.Responses.ToDictionary(a => a, a => observations.Count(o => o.SyncAnswer == a));
        // A result is only expected after an ACCEPTED answer.
        var accepted = observations.Where(o => o.SyncAnswer == SmartChargingAnswers.Accepted).ToList();
        var results = SmartChargingAnswers.Results.ToDictionary(r => r, r => accepted.Count(o => o.AsyncResult == r));
        var latencies = accepted.Where(o => o.LatencyMilliseconds is not null).Select(o => (double)o.LatencyMilliseconds!.Value).ToList();
        return new SmartChargingFigures(coveredEvses, capableEvses, observations.Count, observations.Count(o => o.Capable),
            answers, observations.Count(o => o.SyncAnswer is null),
            results, accepted.Count(o => o.AsyncResult is null),
            Percentile.Of(latencies, 0.5), Percentile.Of(latencies, 0.9),
            observations.Count(o => o.Adhered is not null), observations.Count(o => o.Adhered == true));
    }
}
