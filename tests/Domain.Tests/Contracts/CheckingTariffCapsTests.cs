using Portal.Domain.Contracts;

namespace Portal.Domain.Tests.Contracts;

public sealed class CheckingTariffCapsTests
{
    private const decimal Vat = 21m;

    private static TariffCapComparison Only(TariffPrices tariff, TariffCaps caps) => Assert.Single(TariffCapCheck.Compare(tariff, caps, Vat));

    [Theory]
    // 0.3719 × 1.21 = 0.449999 → € 0.45: at the cap of 0.45, not above it.
    [InlineData("0.3719", "0.45", "0.45", "0")]
    // 0.4546 × 1.21 = 0.550066 → € 0.55: the driver sees 0.55, the cap; not above it.
    [InlineData("0.4546", "0.55", "0.55", "0")]
    // 0.46 × 1.21 = 0.5566 → € 0.56: one cent above the cap of 0.55.
    [InlineData("0.46", "0.55", "0.56", "0.01")]
    public void APriceExcludingVat_IsComparedWithACapIncludingVat(string perKwh, string cap, string price, string excess)
    {
        var comparison = Only(new TariffPrices(decimal.Parse(perKwh, System.Globalization.CultureInfo.InvariantCulture), null, null, null, IncludeVat: false),
            new TariffCaps { MaxPerKwh = decimal.Parse(cap, System.Globalization.CultureInfo.InvariantCulture), IncludeVat = true });

        Assert.Equal(TariffComponent.Energy, comparison.Component);
        Assert.Equal(decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture), comparison.Price);
        Assert.Equal(decimal.Parse(excess, System.Globalization.CultureInfo.InvariantCulture), comparison.Excess);
        Assert.Equal(comparison.Excess > 0, comparison.Exceeded);
    }

    [Fact]
    public void AHalfCent_IsRoundedAwayFromZero()
    {
        // Start fee 0.50 excl. VAT × 1.21 = 0.605 → € 0.61 (not the banker's 0.60): a cent above a cap of 0.60.
        var comparison = Only(new TariffPrices(null, 0.50m, null, null, IncludeVat: false), new TariffCaps { MaxStartFee = 0.60m, IncludeVat = true });

        Assert.Equal((TariffComponent.Start, 0.61m, 0.01m, true), (comparison.Component, comparison.Price, comparison.Excess, comparison.Exceeded));
    }

    [Fact]
    public void APriceIncludingVat_IsComparedWithACapExcludingVat()
    {
        // 0.59 ÷ 1.21 = 0.48760… → € 0.49 excl. VAT, 4 cents above 0.45; idle 0.10 ÷ 1.21 = 0.0826… → 0.08, at the cap.
        var result = TariffCapCheck.Compare(new TariffPrices(0.59m, null, null, 0.10m, IncludeVat: true),
            new TariffCaps { MaxPerKwh = 0.45m, MaxIdlePerMinute = 0.08m, IncludeVat = false }, Vat);

        Assert.Equal(
        [
            new TariffCapComparison(TariffComponent.Energy, 0.49m, 0.45m, 0.04m),
            new TariffCapComparison(TariffComponent.Idle, 0.08m, 0.08m, 0m),
        ], result);
    }

    [Fact]
    public void OnTheSameVatBasis_PricesAreComparedAsTheyAre_AndMissingComponentsAreLeftOut()
    {
        // Both including VAT: 0.03 per minute against 0.02 is a cent above; the tariff has no start fee, the caps no kWh cap.
        var result = TariffCapCheck.Compare(new TariffPrices(0.79m, null, 0.03m, null, IncludeVat: true),
            new TariffCaps { MaxStartFee = 1m, MaxPerMinute = 0.02m, IncludeVat = true }, Vat);

        Assert.Equal([new TariffCapComparison(TariffComponent.Time, 0.03m, 0.02m, 0.01m)], result);
    }
}
