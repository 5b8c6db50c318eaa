using Portal.Domain.Common;
using Portal.Domain.Geography;
using Portal.Integration.Geocoding;

namespace Portal.Features.Map;

/// <summary>Turns what a person typed ("Velperweg 1 Arnhem", "6824 BA") into a position, via the national address search.</summary>
internal sealed class AddressFinder(IAddressSearch search, ILogger<AddressFinder> logger)
{
    public async Task<AddressResult> FindAsync(string? text, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(text))
            return AddressResult.Empty;
        try
        {
            var suggestions = await search.SuggestAsync(text, 1, ct);
            if (suggestions.Count == 0 || await search.LookupAsync(suggestions[0].Id, ct) is not { } found)
                return AddressResult.NotFound;
            return new AddressResult(AddressState.Found, found.Label, Coordinate.FromWgs84(found.Latitude, found.Longitude));
        }
        catch (GeocodingUnavailable e)
        {
            logger.LogWarning(e, "Address search unavailable");
            return AddressResult.Unavailable;
        }
        catch (DomainRuleViolated)
        {
            return AddressResult.NotFound;
        }
    }
}

public enum AddressState
{
    Empty,
    Found,
    NotFound,
    Unavailable,
}

public sealed record AddressResult(AddressState State, string? Label, Coordinate? Position)
{
    public static readonly AddressResult Empty = new(AddressState.Empty, null, null);
    public static readonly AddressResult NotFound = new(AddressState.NotFound, null, null);
    public static readonly AddressResult Unavailable = new(AddressState.Unavailable, null, null);
}
