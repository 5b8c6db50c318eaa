using Portal.Domain.Contracts;
using Portal.Domain.Contracts.Evidence;

namespace Portal.Domain.Tests.Contracts.Evidence;

public sealed class FindingTariffsAboveCapsTests
{
    private static readonly TariffCaps Caps = new() { MaxPerKwh = 0.45m, MaxStartFee = 0.50m, MaxIdlePerMinute = 0.10m, IncludeVat = true };

    [Fact]
    public void EachComponentAboveItsCap_IsFoundOnce_WithItsHighestPrice()
    {
        var found = TariffAboveCaps.Find(
        [
            // Off-peak 0.30 × 1.21 = 0.363 → 0.36: under the cap of 0.45.
            new TariffPriceLine(TariffComponent.Energy, 0.30m, 21m),
            // Peak 0.40 × 1.21 = 0.484 → 0.48: 3 cents above.
            new TariffPriceLine(TariffComponent.Energy, 0.40m, 21m),
            // Fast 0.42 × 1.21 = 0.5082 → 0.51: 6 cents above, the highest energy price.
            new TariffPriceLine(TariffComponent.Energy, 0.42m, 21m),
            // Start 0.41 × 1.21 = 0.4961 → 0.50: at the cap, not above.
            new TariffPriceLine(TariffComponent.Start, 0.41m, 21m),
            // Parking 6.00 per hour = 0.10 per minute, without VAT (none applies): at the cap.
            new TariffPriceLine(TariffComponent.Idle, 0.10m, 0m),
        ], Caps);

        var energy = Assert.Single(found);
        Assert.Equal((TariffComponent.Energy, 0.51m, 0.45m, 0.06m), (energy.Component, energy.Price, energy.Cap, energy.Excess));
    }

    [Fact]
    public void AComponentWithoutACap_IsNotFound()
    {
        // 1.00 per minute is dear, but the contract caps no per-minute price.
        Assert.Empty(TariffAboveCaps.Find([new TariffPriceLine(TariffComponent.Time, 1.00m, 21m)], Caps));
    }

    [Fact]
    public void CapsExcludingVat_CompareThePriceWithoutVat()
    {
        // 0.40 excl. VAT against a cap of 0.38 excl. VAT: 2 cents above, whatever the VAT rate.
        var found = Assert.Single(TariffAboveCaps.Find([new TariffPriceLine(TariffComponent.Energy, 0.40m, 21m)], Caps with { MaxPerKwh = 0.38m, IncludeVat = false }));

        Assert.Equal((0.40m, 0.02m), (found.Price, found.Excess));
    }

    [Fact]
    public void AFinding_IsKeyedByTariffVersionComponentAndContractVersion()
    {
        var comparison = new TariffCapComparison(TariffComponent.Energy, 0.51m, 0.45m, 0.06m);
        var seen = new TariffSeen("TARIFF-1", 42, new DateTime(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc), new DateOnly(2026, 3, 1));

        var finding = ContractFinding.TariffAboveCap(Guid.NewGuid(), 2, seen, comparison, true, [new EvseRef("LOC1", "E1"), new EvseRef("LOC1", "E2")], new DateOnly(2026, 3, 2), ContractTestData.Now);

        Assert.Equal("tariff:42:Energy:v2", finding.DedupeKey);
        Assert.Equal(("TARIFF-1", (TariffComponent?)TariffComponent.Energy, (decimal?)0.51m, (decimal?)0.45m, (DateOnly?)new DateOnly(2026, 3, 1)),
            (finding.TariffId, finding.Component, finding.Price, finding.Cap, finding.SeenOn));
        Assert.Equal("LOC1/E1, LOC1/E2", finding.Evses);
    }
}
