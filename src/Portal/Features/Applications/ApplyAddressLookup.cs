using Microsoft.EntityFrameworkCore;
using Portal.Integration.Municipalities;
using Portal.Domain.Applications;
using Portal.Domain.Common;
using Portal.Domain.Geography;
using Portal.Domain.Municipalities;
using Portal.Integration.Geocoding;
using Portal.Integration.Persistence;

namespace Portal.Features.Applications;

/// <summary>
/// Finds a resident's home (postcode and house number) in the national address register and the
/// municipality it lies in: the one PDOK names, or else the one whose boundary holds the point.
/// </summary>
internal sealed class ApplyAddressLookup(IAddressSearch search, PortalDbContext db, MunicipalityBoundaries boundaries, ILogger<ApplyAddressLookup> logger)
{
    private const int Candidates = 5;

    public async Task<HomeLookup> FindAsync(ApplicationAddress address, CancellationToken ct = default)
    {
        try
        {
            var suggestions = await search.SuggestAsync($"{address.Postcode} {address.HouseNumber}{address.Addition}", Candidates, ct);
            foreach (var suggestion in suggestions.Where(s => s.Type == "adres"))
            {
                if (await search.LookupAsync(suggestion.Id, ct) is not { } found || !Matches(found, address))
                    continue;
                var point = Coordinate.FromWgs84(found.Latitude, found.Longitude);
                var municipalityId = await MunicipalityOfAsync(found.MunicipalityCode, point, ct);
                if (municipalityId is null)
                    return new HomeLookup(HomeLookupState.NoMunicipality, null, null, found.Label);
                var place = new ApplicationPlace(address, found.Street ?? "", found.Place ?? "", null, point, PointAdjusted: false);
                return new HomeLookup(HomeLookupState.Found, place, municipalityId, found.Label);
            }
            return HomeLookup.NotFound;
        }
        catch (GeocodingUnavailable e)
        {
            logger.LogWarning(e, "Address search unavailable");
            return HomeLookup.Unavailable;
        }
        catch (DomainRuleViolated)
        {
            return HomeLookup.NotFound;
        }
    }

    /// <summary>The postcode and house number of what a person typed elsewhere (the check page), to fill in the form.</summary>
    public async Task<(string Postcode, string HouseNumber)?> PartsOfAsync(string? text, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        try
        {
            var suggestions = await search.SuggestAsync(text, 1, ct);
            if (suggestions.Count == 0 || suggestions[0].Type != "adres" || await search.LookupAsync(suggestions[0].Id, ct) is not { } found)
                return null;
            return found.PostalCode is { } postcode && found.HouseNumber is { } number ? (postcode, number) : null;
        }
        catch (GeocodingUnavailable)
        {
            return null;
        }
    }

    /// <summary>The municipality whose boundary holds the point, when PDOK does not name one we know.</summary>
    public async Task<Guid?> MunicipalityOfAsync(string? code, Coordinate point, CancellationToken ct = default)
    {
        if (code is not null)
        {
            MunicipalityCode? parsed = null;
            try
            {
                parsed = MunicipalityCode.Parse(code);
            }
            catch (DomainRuleViolated)
            {
                // An unreadable code from PDOK: fall back to the boundaries.
            }
            if (parsed is { } known && await db.Municipalities.AsNoTracking().Where(m => m.Code == known).Select(m => (Guid?)m.Id).SingleOrDefaultAsync(ct) is { } id)
                return id;
        }
        return (await boundaries.ContainingAsync(point.Latitude, point.Longitude, ct: ct))?.Id;
    }

    private static bool Matches(AddressLocation found, ApplicationAddress wanted)
    {
        try
        {
            return ApplicationAddress.Create(found.PostalCode, found.HouseNumber) == wanted;
        }
        catch (DomainRuleViolated)
        {
            return false;
        }
    }
}

public enum HomeLookupState
{
    Found,
    NotFound,
    Unavailable,
    NoMunicipality,
}

internal sealed record HomeLookup(HomeLookupState State, ApplicationPlace? Place, Guid? MunicipalityId, string? Label)
{
    public static readonly HomeLookup NotFound = new(HomeLookupState.NotFound, null, null, null);
    public static readonly HomeLookup Unavailable = new(HomeLookupState.Unavailable, null, null, null);
}
