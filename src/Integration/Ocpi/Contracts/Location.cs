using System.Text.Json;
using System.Text.Json.Serialization;

namespace Portal.Integration.Ocpi.Contracts;

/// <summary>
/// OCPI 2.2.1 Location. Required value-type fields are nullable so that a missing one can be
/// reported by the validator instead of silently becoming a default.
/// </summary>
public sealed record Location(
    string CountryCode,
    string PartyId,
    string Id,
    bool? Publish,
    IReadOnlyList<PublishTokenType>? PublishAllowedTo,
    string? Name,
    string Address,
    string City,
    string? PostalCode,
    string? State,
    string Country,
    GeoLocation Coordinates,
    IReadOnlyList<AdditionalGeoLocation>? RelatedLocations,
    string? ParkingType,
    IReadOnlyList<Evse>? Evses,
    IReadOnlyList<DisplayText>? Directions,
    BusinessDetails? Operator,
    BusinessDetails? Suboperator,
    BusinessDetails? Owner,
    IReadOnlyList<string>? Facilities,
    string TimeZone,
    Hours? OpeningTimes,
    bool? ChargingWhenClosed,
    IReadOnlyList<Image>? Images,
    EnergyMix? EnergyMix,
    DateTime? LastUpdated)
{
    /// <summary>Fields this contract does not know (newer versions, extensions), kept so nothing is lost.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? UnknownFields { get; init; }
}

public sealed record PublishTokenType(string? Uid, string? Type, string? VisualNumber, string? Issuer, string? GroupId);

public sealed record Hours(
    bool? Twentyfourseven,
    IReadOnlyList<RegularHours>? RegularHours,
    IReadOnlyList<ExceptionalPeriod>? ExceptionalOpenings,
    IReadOnlyList<ExceptionalPeriod>? ExceptionalClosings);

/// <summary>Weekday 1 is Monday; the periods are local times "HH:MM".</summary>
public sealed record RegularHours(int Weekday, string PeriodBegin, string PeriodEnd);

public sealed record ExceptionalPeriod(DateTime PeriodBegin, DateTime PeriodEnd);

public sealed record Evse(
    string Uid,
    string? EvseId,
    string Status,
    IReadOnlyList<StatusSchedule>? StatusSchedule,
    IReadOnlyList<string>? Capabilities,
    IReadOnlyList<Connector>? Connectors,
    string? FloorLevel,
    GeoLocation? Coordinates,
    string? PhysicalReference,
    IReadOnlyList<DisplayText>? Directions,
    IReadOnlyList<string>? ParkingRestrictions,
    IReadOnlyList<Image>? Images,
    DateTime? LastUpdated)
{
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? UnknownFields { get; init; }
}

public sealed record StatusSchedule(DateTime PeriodBegin, DateTime? PeriodEnd, string Status);

/// <summary>OCPI Connector. max_voltage is line-to-neutral for AC_3_PHASE.</summary>
public sealed record Connector(
    string Id,
    string Standard,
    string Format,
    string PowerType,
    int? MaxVoltage,
    int? MaxAmperage,
    int? MaxElectricPower,
    IReadOnlyList<string>? TariffIds,
    string? TermsAndConditions,
    DateTime? LastUpdated)
{
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? UnknownFields { get; init; }
}
