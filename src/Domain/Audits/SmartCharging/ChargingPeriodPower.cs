namespace Portal.Domain.Audits.SmartCharging;

/// <summary>
/// One charging period of a CDR as the test reads it: its start, the energy charged in it (ENERGY, kWh) and the power
/// the CPO reported (MAX_POWER, else POWER, in kW), either may be absent.
/// </summary>
public sealed record MeasuredPeriod(DateTime StartUtc, decimal? EnergyKwh, decimal? PowerKw);

/// <summary>
/// Adherence to a test profile from the CDR: the periods that start while the profile is in force (from when it was
/// set up to its end) count; each one's power is the reported power when there is one, else its energy over its
/// duration (to the next period's start, the last one to the CDR's end). The highest of them is compared with the
/// limit plus the tolerance. No counting period (no CDR yet, or a CDR that does not split at the profile) measures
/// nothing: adherence unknown.
/// </summary>
public static class ChargingPeriodPower
{
    public const decimal DefaultTolerancePercent = 10m;

    /// <summary>The highest power (kW, 3 decimals) of the periods starting in [<paramref name="fromUtc"/>, <paramref name="untilUtc"/>); null when none can be measured.</summary>
    public static decimal? MaxPowerKw(IReadOnlyList<MeasuredPeriod> periods, DateTime cdrEndUtc, DateTime fromUtc, DateTime untilUtc)
    {
        ArgumentNullException.ThrowIfNull(periods);
        var ordered = periods.OrderBy(p => p.StartUtc).ToList();
        decimal? max = null;
        for (var i = 0; i < ordered.Count; i++)
        {
            var period = ordered[i];
            if (period.StartUtc < fromUtc || period.StartUtc >= untilUtc)
                continue;
            var end = i + 1 < ordered.Count ? ordered[i + 1].StartUtc : cdrEndUtc;
            var power = period.PowerKw ?? PowerOf(period.EnergyKwh, end - period.StartUtc);
            if (power is { } kw && (max is null || kw > max))
                max = kw;
        }
        return max is { } found ? decimal.Round(found, 3) : null;
    }

    /// <summary>Whether the measured power stays within the limit plus the tolerance (a percentage of the limit); null when nothing was measured.</summary>
    public static bool? Adheres(decimal? measuredKw, decimal limitKw, decimal tolerancePercent) =>
        measuredKw is { } kw ? kw <= limitKw * (1 + (tolerancePercent / 100m)) : null;

    private static decimal? PowerOf(decimal? energyKwh, TimeSpan duration) =>
        energyKwh is { } kwh && duration > TimeSpan.Zero ? kwh / (decimal)duration.TotalHours : null;
}
