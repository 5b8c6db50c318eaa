namespace Portal.Integration.Ocpi.Contracts;

/// <summary>OCPI Token (owned by the eMSP); here because the transport examples carry it.</summary>
public sealed record Token(
    string CountryCode,
    string PartyId,
    string Uid,
    string Type,
    string ContractId,
    string? VisualNumber,
    string? Issuer,
    string? GroupId,
    bool? Valid,
    string? Whitelist,
    string? Language,
    string? DefaultProfileType,
    EnergyContract? EnergyContract,
    DateTime? LastUpdated);

public sealed record EnergyContract(string SupplierName, string? ContractId);
