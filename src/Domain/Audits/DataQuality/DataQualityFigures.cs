namespace Portal.Domain.Audits.DataQuality;

/// <summary>A CPO's data-quality KPIs for a period: the sums over its EVSEs.</summary>
public sealed record DataQualityFigures(
    int Evses,
    int Events,
    int TimelyEvents,
    int StaleEvses,
    int SilentSuspects,
    int ChargingWithoutSession,
    int SessionsWithoutCharging,
    int OverloadedDays,
    int FutureEvents,
    int DuplicateEvents)
{
    public static readonly DataQualityFigures Empty = new(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /// <summary>Share of events on time, in percent rounded to two decimals; null without events.</summary>
    public decimal? TimelinessPercent => Events == 0 ? null : Math.Round(TimelyEvents * 100m / Events, 2, MidpointRounding.AwayFromZero);

    /// <summary>True when there were events and fewer than <paramref name="minimumPercent"/> % of them were on time (compared unrounded).</summary>
    public bool TimelinessBelow(decimal minimumPercent) => Events > 0 && TimelyEvents * 100m < minimumPercent * Events;

    public int InconsistentEvents => ChargingWithoutSession + SessionsWithoutCharging + OverloadedDays + FutureEvents + DuplicateEvents;

    public DataQualityFigures Add(EvseQuality quality, bool stale)
    {
        ArgumentNullException.ThrowIfNull(quality);
        return new DataQualityFigures(
            Evses + 1,
            Events + quality.Events,
            TimelyEvents + quality.TimelyEvents,
            StaleEvses + (stale ? 1 : 0),
            SilentSuspects + (quality.SilentFailureSuspected ? 1 : 0),
            ChargingWithoutSession + quality.ChargingWithoutSession,
            SessionsWithoutCharging + quality.SessionsWithoutCharging,
            OverloadedDays + quality.OverloadedDays,
            FutureEvents + quality.FutureEvents,
            DuplicateEvents + quality.DuplicateEvents);
    }
}
