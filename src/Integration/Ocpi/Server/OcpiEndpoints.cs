using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Integration.Ocpi.Contracts;
using Portal.Integration.Ocpi.Receiving;

namespace Portal.Integration.Ocpi.Server;

/// <summary>
/// The portal's own OCPI 2.2.1 interface: versions, version details, the Locations receiver and the
/// ChargingProfiles sender (callbacks and active-profile updates).
/// Every request needs a connection's token; every answer is an OCPI envelope.
/// </summary>
public static class OcpiEndpoints
{
    public const string Version = "2.2.1";

    /// <summary>Maps the OCPI endpoints under the group the host gives (the host owns the /ocpi prefix).</summary>
    public static RouteGroupBuilder MapOcpiEndpoints(this RouteGroupBuilder ocpi)
    {
        ocpi.AddEndpointFilter(OcpiRequestFilter.InvokeAsync);
        var tokenA = OcpiRequestFilter.AcceptsTokenA.Instance;
        ocpi.MapGet("/versions", Versions).WithMetadata(tokenA);
        ocpi.MapGet($"/{Version}", Details).WithMetadata(tokenA);
        ocpi.MapGet($"/{Version}/credentials", Credentials).WithMetadata(tokenA);
        ocpi.MapPost($"/{Version}/credentials", OcpiCredentialsEndpoints.RegisterAsync).WithMetadata(tokenA);
        ocpi.MapPut($"/{Version}/credentials", OcpiCredentialsEndpoints.UpdateAsync).WithMetadata(tokenA);
        ocpi.MapDelete($"/{Version}/credentials", OcpiCredentialsEndpoints.UnregisterAsync).WithMetadata(tokenA);
        ocpi.MapPost($"/{Version}/chargingprofiles/results/{{requestId}}", OcpiChargingProfileEndpoints.ResultAsync);
        ocpi.MapPut($"/{Version}/chargingprofiles/{{sessionId}}", OcpiChargingProfileEndpoints.UpdateAsync);

        var locations = ocpi.MapGroup($"/{Version}/locations/{{countryCode}}/{{partyId}}/{{locationId}}");
        locations.MapPut("", (HttpContext http, string countryCode, string partyId, string locationId) =>
            ReceiveAsync(http, new LocationTarget(countryCode, partyId, locationId), patch: false));
        locations.MapPut("/{evseUid}", (HttpContext http, string countryCode, string partyId, string locationId, string evseUid) =>
            ReceiveAsync(http, new LocationTarget(countryCode, partyId, locationId, evseUid), patch: false));
        locations.MapPut("/{evseUid}/{connectorId}", (HttpContext http, string countryCode, string partyId, string locationId, string evseUid, string connectorId) =>
            ReceiveAsync(http, new LocationTarget(countryCode, partyId, locationId, evseUid, connectorId), patch: false));
        locations.MapPatch("", (HttpContext http, string countryCode, string partyId, string locationId) =>
            ReceiveAsync(http, new LocationTarget(countryCode, partyId, locationId), patch: true));
        locations.MapPatch("/{evseUid}", (HttpContext http, string countryCode, string partyId, string locationId, string evseUid) =>
            ReceiveAsync(http, new LocationTarget(countryCode, partyId, locationId, evseUid), patch: true));
        locations.MapPatch("/{evseUid}/{connectorId}", (HttpContext http, string countryCode, string partyId, string locationId, string evseUid, string connectorId) =>
            ReceiveAsync(http, new LocationTarget(countryCode, partyId, locationId, evseUid, connectorId), patch: true));
        return ocpi;
    }

    private static IResult Versions(HttpContext http)
    {
        var root = OcpiRoot(http, "/versions");
        return OcpiResults.Success(http, new List<OcpiVersion> { new(Version, $"{root}/{Version}") });
    }

    private static IResult Details(HttpContext http)
    {
        var root = OcpiRoot(http, $"/{Version}");
        return OcpiResults.Success(http, new VersionDetails(Version,
        [
            // For credentials the role means nothing; the spec says to send SENDER.
            new Contracts.Endpoint("credentials", "SENDER", $"{root}/{Version}/credentials"),
            new Contracts.Endpoint("locations", "RECEIVER", $"{root}/{Version}/locations"),
            // ChargingProfiles turns the roles round: the portal sends profiles, so it hosts the SENDER interface (NOTES 8).
            new Contracts.Endpoint("chargingprofiles", "SENDER", $"{root}/{Version}/chargingprofiles"),
        ]));
    }

    /// <summary>
    /// The portal's credentials for the caller. The token is the one the caller presented: we keep only
    /// its hash, and the caller already holds it.
    /// </summary>
    private static IResult Credentials(HttpContext http, IOptions<OcpiOptions> options) =>
        OcpiResults.Success(http, PortalCredentials(http, options.Value, OcpiRequestFilter.Caller(http).Token));

    /// <summary>The portal as party (role OTHER, <see cref="OcpiOptions"/>) with the given token; for the credentials endpoints.</summary>
    internal static Credentials PortalCredentials(HttpContext http, OcpiOptions portal, string token)
    {
        var root = OcpiRoot(http, $"/{Version}/credentials");
        return new Credentials(token, $"{root}/versions",
            [new CredentialsRole("OTHER", new BusinessDetails(portal.Name, null, null), portal.PartyId, portal.CountryCode)]);
    }

    private static async Task<IResult> ReceiveAsync(HttpContext http, LocationTarget target, bool patch)
    {
        var (body, refusal) = await OcpiRequestBody.ReadJsonAsync(http);
        if (refusal is not null)
            return refusal;

        var receiver = http.RequestServices.GetRequiredService<LocationReceiver>();
        var connection = OcpiRequestFilter.Caller(http).Connection;
        var result = patch
            ? await receiver.PatchAsync(connection, target, body, http.RequestAborted)
            : await receiver.PutAsync(connection, target, body, http.RequestAborted);

        return result.Outcome switch
        {
            ReceiveOutcome.Created => OcpiResults.Success(http, StatusCodes.Status201Created, result.Message),
            ReceiveOutcome.Updated or ReceiveOutcome.Unchanged or ReceiveOutcome.IgnoredAsOlder => OcpiResults.Success(http, StatusCodes.Status200OK, result.Message),
            // Reached the OCPI layer from an authenticated peer: the failure goes in status_code, not in HTTP.
            ReceiveOutcome.Invalid => OcpiResults.Error(http, StatusCodes.Status200OK, OcpiStatus.InvalidParameters, result.Message),
            // Not authorised for that party: the spec allows 404 (NOTES 1.7).
            ReceiveOutcome.WrongParty => OcpiResults.Error(http, StatusCodes.Status404NotFound, OcpiStatus.InvalidParameters, result.Message),
            ReceiveOutcome.UnknownLocation => OcpiResults.Error(http, StatusCodes.Status404NotFound, OcpiStatus.UnknownLocation, result.Message),
            _ => throw new InvalidOperationException($"Unhandled outcome {result.Outcome}"),
        };
    }

    /// <summary>scheme://host/pathbase/ocpi, read from the request so the prefix stays the host's choice.</summary>
    private static string OcpiRoot(HttpContext http, string suffix)
    {
        var request = http.Request;
        var path = request.Path.Value ?? "";
        var prefix = path.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) ? path[..^suffix.Length] : path;
        return $"{request.Scheme}://{request.Host}{request.PathBase}{prefix}";
    }
}
