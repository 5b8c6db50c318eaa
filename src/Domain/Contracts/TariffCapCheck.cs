namespace Portal.Domain.Contracts;

/// <summary>The price components a cap can limit (stored and shown by name).</summary>
public enum TariffComponent
{
    /// <summary>Per kWh.</summary>
    Energy,

    /// <summary>A start (flat) fee per session.</summary>
    Start,

    /// <summary>Per minute of charging.</summary>
    Time,

    /// <summary>Per minute parked (idle) after charging.</summary>
    Idle,
}

/// <summary>A tariff's prices in euro as the OCPI tariff gives them: excluding VAT, or including it.</summary>
public sealed record TariffPrices(decimal? PerKwh, decimal? Start, decimal? PerMinute, decimal? IdlePerMinute, bool IncludeVat)
{
    public decimal? Of(TariffComponent component) => component switch
    {
        TariffComponent.Energy => PerKwh,
        TariffComponent.Start => Start,
        TariffComponent.Time => PerMinute,
        _ => IdlePerMinute,
    };
}

/// <summary>One component compared with its cap: the price on the cap's VAT basis in cents, the cap, and by how much it is above.</summary>
public sealed record TariffCapComparison(TariffComponent Component, decimal Price, decimal Cap, decimal Excess)
{
    public bool Exceeded => Excess > 0;
}

/// <summary>
/// Compares a tariff with a contract's caps, component by component. The price is first put on the cap's VAT basis
/// (× (1 + rate) to include VAT, ÷ (1 + rate) to take it out) and rounded to cents, half away from zero, as a driver
/// sees it; it exceeds the cap when that rounded price is above the cap. Components the tariff or the caps lack are left out.
/// </summary>
public static class TariffCapCheck
{
    public static IReadOnlyList<TariffCapComparison> Compare(TariffPrices tariff, TariffCaps caps, decimal vatPercent)
    {
        if (vatPercent is < 0 or > 100)
            throw new ArgumentOutOfRangeException(nameof(vatPercent), "A VAT rate is 0 to 100 percent.");
        var factor = 1 + vatPercent / 100m;
        var result = new List<TariffCapComparison>();
        foreach (var (component, cap) in caps.Prices())
        {
            if (cap is not { } limit || tariff.Of(component) is not { } price)
                continue;
            var onCapBasis = (tariff.IncludeVat, caps.IncludeVat) switch
            {
                (false, true) => price * factor,
                (true, false) => price / factor,
                _ => price,
            };
            var rounded = Math.Round(onCapBasis, 2, MidpointRounding.AwayFromZero);
            result.Add(new TariffCapComparison(component, rounded, limit, Math.Max(0, rounded - limit)));
        }
        return result;
    }
}
