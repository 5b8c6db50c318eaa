namespace Portal.Integration.Ocpi.Contracts;

/// <summary>An object a party owns: its key is country_code, party_id and id; last_updated is its version.</summary>
public interface IOcpiPartyObject
{
    string CountryCode { get; }
    string PartyId { get; }
    string Id { get; }
    DateTime? LastUpdated { get; }
}
