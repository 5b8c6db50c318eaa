using System.Text.Json;
using System.Text.Json.Serialization;

namespace Portal.Integration.Ocpi.Contracts;

public sealed record Cdr(
    string CountryCode,
    string PartyId,
    string Id,
    DateTime? StartDateTime,
    DateTime? EndDateTime,
    string? SessionId,
    CdrToken CdrToken,
    string AuthMethod,
    string? AuthorizationReference,
    CdrLocation CdrLocation,
    string? MeterId,
    string Currency,
    IReadOnlyList<Tariff>? Tariffs,
    IReadOnlyList<ChargingPeriod>? ChargingPeriods,
    SignedData? SignedData,
    Price TotalCost,
    Price? TotalFixedCost,
    decimal? TotalEnergy,
    Price? TotalEnergyCost,
    decimal? TotalTime,
    Price? TotalTimeCost,
    decimal? TotalParkingTime,
    Price? TotalParkingCost,
    Price? TotalReservationCost,
    string? Remark,
    string? InvoiceReferenceId,
    bool? Credit,
    string? CreditReferenceId,
    bool? HomeChargingCompensation,
    DateTime? LastUpdated) : IOcpiPartyObject
{
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? UnknownFields { get; init; }
}

/// <summary>The location as it was when the session started.</summary>
public sealed record CdrLocation(
    string Id,
    string? Name,
    string Address,
    string City,
    string? PostalCode,
    string? State,
    string Country,
    GeoLocation Coordinates,
    string EvseUid,
    string EvseId,
    string ConnectorId,
    string ConnectorStandard,
    string ConnectorFormat,
    string ConnectorPowerType);

public sealed record SignedData(
    string EncodingMethod,
    int? EncodingMethodVersion,
    string? PublicKey,
    IReadOnlyList<SignedValue>? SignedValues,
    string? Url);

public sealed record SignedValue(string Nature, string PlainData, string SignedData);
