namespace Portal.Domain.Contracts;

/// <summary>What sets a maximum charging power (stored and shown by name).</summary>
public enum PowerLimitSource
{
    Contract,
    GridConnection,
    Requirement,
    ChargePoint,
}

/// <summary>One source's maximum power, in kW.</summary>
public sealed record PowerLimit(PowerLimitSource Source, decimal Kw);

/// <summary>The maximum that applies and every source that sets it (several when they set the same lowest value).</summary>
public sealed record AppliedMaximumPower(decimal Kw, IReadOnlyList<PowerLimitSource> Sources);

/// <summary>When several sources set a maximum power, the lowest applies (ElaadNL requirements; catalogue DESIGN section 3).</summary>
public static class MaximumPower
{
    /// <summary>The lowest limit and the sources that set it, in the order of <see cref="PowerLimitSource"/>; null when no source sets one.</summary>
    public static AppliedMaximumPower? Of(IEnumerable<PowerLimit> limits)
    {
        var list = limits.ToList();
        if (list.Count == 0)
            return null;
        if (list.Any(l => l.Kw <= 0))
            throw new ArgumentOutOfRangeException(nameof(limits), "A maximum power is above 0 kW.");
        var lowest = list.Min(l => l.Kw);
        return new AppliedMaximumPower(lowest, list.Where(l => l.Kw == lowest).Select(l => l.Source).Distinct().Order().ToList());
    }
}
