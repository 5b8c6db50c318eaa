using System.Text.Json;
using Portal.Domain.Contracts;
using Portal.Domain.Contracts.Evidence;
using Portal.Integration.Ocpi;
using Portal.Integration.Ocpi.Contracts;

namespace Portal.Integration.Contracts.TariffCaps;

/// <summary>
/// An OCPI tariff's price components in the units of a contract's caps: ENERGY per kWh, FLAT as the start fee, TIME
/// and PARKING_TIME per hour turned into per minute. OCPI prices exclude VAT; a component without a VAT rate has none.
/// Other currencies than the euro are not compared (caps are in euro).
/// </summary>
public static class OcpiTariffPrices
{
    public static IReadOnlyList<TariffPriceLine> Lines(Tariff tariff)
    {
        ArgumentNullException.ThrowIfNull(tariff);
        if (!string.Equals(tariff.Currency, "EUR", StringComparison.OrdinalIgnoreCase))
            return [];
        var lines = new List<TariffPriceLine>();
        foreach (var component in (tariff.Elements ?? []).SelectMany(e => e.PriceComponents ?? []))
        {
            TariffComponent? kind = component.Type switch
            {
                "ENERGY" => TariffComponent.Energy,
                "FLAT" => TariffComponent.Start,
                "TIME" => TariffComponent.Time,
                "PARKING_TIME" => TariffComponent.Idle,
                _ => null,
            };
            if (kind is not { } known)
                continue;
            var price = known is TariffComponent.Time or TariffComponent.Idle ? component.Price / 60m : component.Price;
            lines.Add(new TariffPriceLine(known, price, component.Vat ?? 0m));
        }
        return lines;
    }

    /// <summary>The stored raw tariff, or null when it cannot be read.</summary>
    public static Tariff? Read(string rawJson)
    {
        try
        {
            return JsonSerializer.Deserialize<Tariff>(rawJson, OcpiJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
