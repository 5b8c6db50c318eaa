using System.Text.Json;
using System.Text.Json.Serialization;

namespace Portal.Integration.Ocpi.Contracts;

public sealed record Tariff(
    string CountryCode,
    string PartyId,
    string Id,
    string Currency,
    string? Type,
    IReadOnlyList<DisplayText>? TariffAltText,
    string? TariffAltUrl,
    Price? MinPrice,
    Price? MaxPrice,
    IReadOnlyList<TariffElement>? Elements,
    DateTime? StartDateTime,
    DateTime? EndDateTime,
    EnergyMix? EnergyMix,
    DateTime? LastUpdated) : IOcpiPartyObject
{
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? UnknownFields { get; init; }
}

public sealed record TariffElement(IReadOnlyList<PriceComponent>? PriceComponents, TariffRestrictions? Restrictions);

/// <summary>Price per unit excluding VAT; a missing vat means no VAT applies, which is not the same as 0.</summary>
public sealed record PriceComponent(string Type, decimal Price, decimal? Vat, int StepSize);

/// <summary>All restrictions that are set must hold together.</summary>
public sealed record TariffRestrictions(
    string? StartTime,
    string? EndTime,
    string? StartDate,
    string? EndDate,
    decimal? MinKwh,
    decimal? MaxKwh,
    decimal? MinCurrent,
    decimal? MaxCurrent,
    decimal? MinPower,
    decimal? MaxPower,
    int? MinDuration,
    int? MaxDuration,
    IReadOnlyList<string>? DayOfWeek,
    string? Reservation);
