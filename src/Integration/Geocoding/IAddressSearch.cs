namespace Portal.Integration.Geocoding;

/// <summary>
/// Address search for forms where a resident or officer types an address: suggestions while
/// typing, then the chosen suggestion's position and administrative details.
/// </summary>
public interface IAddressSearch
{
    /// <summary>
    /// Addresses and postcodes matching <paramref name="query"/>, best first. An empty query gives an
    /// empty list without asking the service.
    /// </summary>
    /// <exception cref="GeocodingUnavailable">The service could not be reached or answered garbage.</exception>
    Task<IReadOnlyList<AddressSuggestion>> SuggestAsync(string query, int limit = 7, CancellationToken cancellationToken = default);

    /// <summary>The suggestion with this id, or null when the service does not know it.</summary>
    /// <exception cref="GeocodingUnavailable">The service could not be reached or answered garbage.</exception>
    Task<AddressLocation?> LookupAsync(string id, CancellationToken cancellationToken = default);
}

/// <param name="Id">The service's id, to pass to <see cref="IAddressSearch.LookupAsync"/>.</param>
/// <param name="Label">What to show, e.g. "Velperweg 1, 6824BA Arnhem".</param>
/// <param name="Type">"adres" or "postcode".</param>
public sealed record AddressSuggestion(string Id, string Label, string Type);

/// <summary>A chosen address or postcode: its WGS84 centroid and, where known, its parts; the municipality code carries the "GM" prefix.</summary>
public sealed record AddressLocation(
    string Id,
    string Label,
    double Latitude,
    double Longitude,
    string? PostalCode,
    string? HouseNumber,
    string? Street,
    string? Place,
    string? MunicipalityCode,
    string? MunicipalityName);
