namespace Portal.Domain.Audits.DataQuality;

/// <summary>
/// A CPO's data-quality KPIs for a month that is over, stored once (never changed) so audits can cite them: the counts,
/// the metric version they were computed by and when.
/// </summary>
public sealed class DataQualitySnapshot
{
    public const string MetricVersion = "v1";

    private DataQualitySnapshot() { }

    public long Id { get; private set; }
    public Guid OperatorId { get; private set; }

    /// <summary>The first day of the month (Dutch time).</summary>
    public DateOnly Month { get; private set; }
    public string Version { get; private set; } = MetricVersion;
    public DateTime ComputedAtUtc { get; private set; }
    public int Evses { get; private set; }
    public int Events { get; private set; }
    public int TimelyEvents { get; private set; }
    public int StaleEvses { get; private set; }
    public int SilentSuspects { get; private set; }
    public int ChargingWithoutSession { get; private set; }
    public int SessionsWithoutCharging { get; private set; }
    public int OverloadedDays { get; private set; }
    public int FutureEvents { get; private set; }
    public int DuplicateEvents { get; private set; }

    public DataQualityFigures Figures => new(Evses, Events, TimelyEvents, StaleEvses, SilentSuspects, ChargingWithoutSession,
        SessionsWithoutCharging, OverloadedDays, FutureEvents, DuplicateEvents);

    public static DataQualitySnapshot Record(Guid operatorId, DataQualityPeriod period, DataQualityFigures figures, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(figures);
        if (!period.IsOverAt(nowUtc))
            throw new InvalidOperationException("A month's data quality is stored once the month is over.");
        return new DataQualitySnapshot
        {
            OperatorId = operatorId,
            Month = period.FirstDay,
            ComputedAtUtc = nowUtc,
            Evses = figures.Evses,
            Events = figures.Events,
            TimelyEvents = figures.TimelyEvents,
            StaleEvses = figures.StaleEvses,
            SilentSuspects = figures.SilentSuspects,
            ChargingWithoutSession = figures.ChargingWithoutSession,
            SessionsWithoutCharging = figures.SessionsWithoutCharging,
            OverloadedDays = figures.OverloadedDays,
            FutureEvents = figures.FutureEvents,
            DuplicateEvents = figures.DuplicateEvents,
        };
    }
}
