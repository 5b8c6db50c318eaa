using System.Text.Json;
using System.Text.Json.Serialization;

namespace Portal.Integration.Ocpi.Contracts;

public sealed record Session(
    string CountryCode,
    string PartyId,
    string Id,
    DateTime? StartDateTime,
    DateTime? EndDateTime,
    decimal? Kwh,
    CdrToken CdrToken,
    string AuthMethod,
    string? AuthorizationReference,
    string LocationId,
    string EvseUid,
    string ConnectorId,
    string? MeterId,
    string Currency,
    IReadOnlyList<ChargingPeriod>? ChargingPeriods,
    Price? TotalCost,
    string Status,
    DateTime? LastUpdated) : IOcpiPartyObject
{
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? UnknownFields { get; init; }
}

public sealed record CdrToken(string CountryCode, string PartyId, string Uid, string Type, string ContractId);

/// <summary>A period lasts until the next one starts.</summary>
public sealed record ChargingPeriod(DateTime StartDateTime, IReadOnlyList<CdrDimension>? Dimensions, string? TariffId);

public sealed record CdrDimension(string Type, decimal Volume);
