namespace Portal.Domain.Audits.FieldChecks;

/// <summary>
/// A power class of a field audit stratum, by the highest maximum power of a location's connectors: above
/// <see cref="AboveKw"/> (exclusive) up to and including <see cref="UpToKw"/>. <see cref="Code"/> is stored and sorts the
/// strata; the page names it in the reader's language.
/// </summary>
public sealed record PowerClass(string Code, decimal? AboveKw, decimal? UpToKw)
{
    public bool Contains(decimal kw) => (AboveKw is null || kw > AboveKw) && (UpToKw is null || kw <= UpToKw);
}

/// <summary>The power classes a field audit sample is stratified by.</summary>
public static class PowerClasses
{
    /// <summary>Normal AC charging: up to and including 11 kW.</summary>
    public static readonly PowerClass UpTo11 = new("1-tot-11kW", null, 11m);

    /// <summary>Fast AC (22 kW) and small DC: above 11 up to and including 50 kW.</summary>
    public static readonly PowerClass From11To50 = new("2-11-50kW", 11m, 50m);

    /// <summary>Fast DC charging: above 50 kW.</summary>
    public static readonly PowerClass Above50 = new("3-boven-50kW", 50m, null);

    /// <summary>A location whose connectors name no power.</summary>
    public static readonly PowerClass Unknown = new("4-onbekend", null, null);

    /// <summary>The classes in order; <see cref="Unknown"/> last.</summary>
    public static readonly IReadOnlyList<PowerClass> All = [UpTo11, From11To50, Above50, Unknown];

    /// <summary>The class of a location from its connectors' maximum power in watts (the highest counts); unknown without any.</summary>
    public static PowerClass Of(IEnumerable<int?> connectorMaxPowerWatts)
    {
        ArgumentNullException.ThrowIfNull(connectorMaxPowerWatts);
        var highest = connectorMaxPowerWatts.Where(w => w is > 0).Max();
        if (highest is not { } watts)
            return Unknown;
        var kw = watts / 1000m;
        return All.First(c => c != Unknown && c.Contains(kw));
    }

    public static PowerClass? Find(string code) => All.FirstOrDefault(c => c.Code == code);
}
