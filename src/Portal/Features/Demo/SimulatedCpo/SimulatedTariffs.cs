using Wire = Portal.Integration.Ocpi.Contracts;

namespace Portal.Features.Demo.SimulatedCpo;

/// <summary>
/// Two tariffs every connector refers to: the regular one (per kWh, plus a parking fee for the time
/// a car stays plugged in without charging) and an ad-hoc one for paying by card at the charger.
/// One tariff per type, as OCPI allows on a connector.
/// </summary>
internal static class SimulatedTariffs
{
    public const decimal EnergyPrice = 0.38m;
    public const decimal ParkingPricePerHour = 1.20m;
    public const decimal Vat = 21m;

    public static IReadOnlyList<string> Ids(string partyId) => [$"{partyId}-REGULAR", $"{partyId}-ADHOC"];

    public static IReadOnlyList<Wire.Tariff> For(string countryCode, string partyId, DateTime since)
    {
        var ids = Ids(partyId);
        return
        [
            new Wire.Tariff(countryCode, partyId, ids[0], "EUR", "REGULAR",
                [new Wire.DisplayText("nl", "Standaardtarief met laadpas; parkeren na het laden kost extra."), new Wire.DisplayText("en", "Regular tariff with a charge card; parking after charging costs extra.")],
                null, null, null,
                [
                    new Wire.TariffElement([new Wire.PriceComponent("ENERGY", EnergyPrice, Vat, 1)], null),
                    new Wire.TariffElement([new Wire.PriceComponent("PARKING_TIME", ParkingPricePerHour, Vat, 300)], null),
                ],
                null, null, null, since),
            new Wire.Tariff(countryCode, partyId, ids[1], "EUR", "AD_HOC_PAYMENT",
                [new Wire.DisplayText("nl", "Direct betalen met een bankpas aan de laadpaal."), new Wire.DisplayText("en", "Pay directly with a bank card at the charger.")],
                null, null, null,
                [new Wire.TariffElement([new Wire.PriceComponent("ENERGY", 0.49m, Vat, 1), new Wire.PriceComponent("FLAT", 0.35m, Vat, 1)], null)],
                null, null, null, since),
        ];
    }
}
