namespace Portal.Domain.Audits.Usage;

/// <summary>
/// Adds charges up per EVSE and month, within the months asked for. A charge is counted as one session in the month
/// it started; its time is split at each month's end (Amsterdam midnight), and its kWh in proportion to that time.
/// A charge of no duration puts its kWh in the month it started. Holds one figure per EVSE and month, never the
/// charges, so records can be streamed through it.
/// </summary>
public sealed class UsageTally<TEvse>(UsageMonth first, UsageMonth last)
    where TEvse : notnull
{
    private readonly Dictionary<(TEvse Evse, UsageMonth Month), (int Sessions, decimal Kwh, double Hours)> _figures = [];
    private readonly HashSet<TEvse> _touched = [];
    private readonly DateTime _fromUtc = first.StartUtc;
    private readonly DateTime _toUtc = last.EndUtc;

    public UsageMonth First { get; } = first;
    public UsageMonth Last { get; } = last;

    public void Add(TEvse evse, ChargingSpan span)
    {
        ArgumentNullException.ThrowIfNull(span);
        var started = UsageMonth.Of(span.StartUtc);
        if (span.StartUtc >= _fromUtc && span.StartUtc < _toUtc)
            Put(evse, started, 1, 0, 0);
        var total = (span.EndUtc - span.StartUtc).TotalHours;
        if (total <= 0)
        {
            if (span.StartUtc >= _fromUtc && span.StartUtc < _toUtc)
                Put(evse, started, 0, span.Kwh, 0);
            return;
        }
        for (var month = started; month.StartUtc < span.EndUtc && month <= Last; month = month.Next())
        {
            if (month < First)
                continue;
            var from = span.StartUtc > month.StartUtc ? span.StartUtc : month.StartUtc;
            var to = span.EndUtc < month.EndUtc ? span.EndUtc : month.EndUtc;
            var hours = (to - from).TotalHours;
            if (hours > 0)
                Put(evse, month, 0, span.Kwh * (decimal)(hours / total), hours);
        }
    }

    /// <summary>The EVSE's figures for the month: zero when nothing was charged, never missing.</summary>
    public MonthlyUsage Of(TEvse evse, UsageMonth month, BusyThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        if (!_figures.TryGetValue((evse, month), out var f))
            return MonthlyUsage.None(month);
        var hours = Math.Min(f.Hours, month.Hours);
        var kwh = Math.Round(f.Kwh, 3, MidpointRounding.AwayFromZero);
        return new MonthlyUsage(month, 1, f.Sessions, kwh, hours, thresholds.IsBusy(f.Sessions, kwh) ? 1 : 0);
    }

    /// <summary>Whether anything was charged on the EVSE in the months asked for.</summary>
    public bool Touched(TEvse evse) => _touched.Contains(evse);

    public IEnumerable<UsageMonth> Months()
    {
        for (var month = First; month <= Last; month = month.Next())
            yield return month;
    }

    private void Put(TEvse evse, UsageMonth month, int sessions, decimal kwh, double hours)
    {
        _touched.Add(evse);
        var key = (evse, month);
        var f = _figures.GetValueOrDefault(key);
        _figures[key] = (f.Sessions + sessions, f.Kwh + kwh, f.Hours + hours);
    }
}
