namespace Portal.Domain.Contracts.Evidence;

/// <summary>One price of a tariff in the unit of the cap it is compared with (per kWh, per session, per minute), excluding VAT, with its VAT rate.</summary>
public sealed record TariffPriceLine(TariffComponent Component, decimal PriceExclVat, decimal VatPercent);

/// <summary>
/// The components of a tariff that exceed a contract's caps. A tariff may price a component several times (different
/// prices at different hours or above some power); each price is compared with the cap through
/// <see cref="TariffCapCheck"/> on its own VAT rate, and per component the highest price above its cap is reported:
/// a driver can be charged it.
/// </summary>
public static class TariffAboveCaps
{
    public static IReadOnlyList<TariffCapComparison> Find(IEnumerable<TariffPriceLine> lines, TariffCaps caps)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(caps);
        var worst = new Dictionary<TariffComponent, TariffCapComparison>();
        foreach (var line in lines)
        {
            var prices = new TariffPrices(
                line.Component == TariffComponent.Energy ? line.PriceExclVat : null,
                line.Component == TariffComponent.Start ? line.PriceExclVat : null,
                line.Component == TariffComponent.Time ? line.PriceExclVat : null,
                line.Component == TariffComponent.Idle ? line.PriceExclVat : null,
                IncludeVat: false);
            foreach (var comparison in TariffCapCheck.Compare(prices, caps, line.VatPercent).Where(c => c.Exceeded))
            {
                if (!worst.TryGetValue(comparison.Component, out var known) || comparison.Price > known.Price)
                    worst[comparison.Component] = comparison;
            }
        }
        return worst.Values.OrderBy(c => c.Component).ToList();
    }
}
