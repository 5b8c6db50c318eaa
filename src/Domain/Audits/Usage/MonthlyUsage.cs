namespace Portal.Domain.Audits.Usage;

/// <summary>
/// One EVSE's (or a group's) usage in one month. Occupancy is the charging hours over the month's hours times the
/// number of EVSEs, so a group's figure is weighted by its EVSEs; an EVSE's overlapping charges (which it cannot
/// really have) are capped at the month before they are summed.
/// </summary>
public sealed record MonthlyUsage(UsageMonth Month, int Evses, int Sessions, decimal Kwh, double ChargingHours, int BusyEvses)
{
    public double Occupancy => Evses == 0 ? 0 : Math.Min(1, ChargingHours / (Evses * Month.Hours));

    public static MonthlyUsage None(UsageMonth month, int evses = 1) => new(month, evses, 0, 0, 0, 0);

    /// <summary>The EVSEs' months added up: sessions, kWh and charging hours summed, busy EVSEs counted.</summary>
    public static MonthlyUsage Sum(UsageMonth month, IEnumerable<MonthlyUsage> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var (evses, sessions, kwh, hours, busy) = (0, 0, 0m, 0.0, 0);
        foreach (var part in parts)
        {
            evses += part.Evses;
            sessions += part.Sessions;
            kwh += part.Kwh;
            hours += part.ChargingHours;
            busy += part.BusyEvses;
        }
        return new MonthlyUsage(month, evses, sessions, kwh, hours, busy);
    }
}
