using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Portal.Integration.Ocpi.Connections;
using Portal.Integration.Ocpi.Contracts;

namespace Portal.Integration.Ocpi.Server;

/// <summary>
/// Credentials POST/PUT/DELETE (NOTES 3): a CPO registers with the token A we issued, then rotates or
/// unregisters with its token C. We do not call the CPO's versions URL yet: that comes with pulling.
/// </summary>
internal static class OcpiCredentialsEndpoints
{
    public static async Task<IResult> RegisterAsync(HttpContext http, OcpiConnections connections, IOptions<OcpiOptions> options)
    {
        var caller = OcpiRequestFilter.Caller(http);
        if (!caller.WithTokenA || !caller.Connection.AwaitsRegistration)
            return OcpiResults.Error(http, StatusCodes.Status405MethodNotAllowed, OcpiStatus.ClientError, "already registered: use PUT to update the credentials");
        var (partner, error) = await ReadAsync(http, caller.Connection);
        if (error is not null)
            return error;
        var tokenC = await connections.CompleteRegistrationAsync(caller.Connection, partner!, http.RequestAborted);
        return OcpiResults.Success(http, OcpiEndpoints.PortalCredentials(http, options.Value, tokenC));
    }

    public static async Task<IResult> UpdateAsync(HttpContext http, OcpiConnections connections, IOptions<OcpiOptions> options)
    {
        var caller = OcpiRequestFilter.Caller(http);
        if (caller.WithTokenA)
            return NotRegistered(http);
        var (partner, error) = await ReadAsync(http, caller.Connection);
        if (error is not null)
            return error;
        var tokenC = await connections.UpdateCredentialsAsync(caller.Connection, partner!, http.RequestAborted);
        return OcpiResults.Success(http, OcpiEndpoints.PortalCredentials(http, options.Value, tokenC));
    }

    public static async Task<IResult> UnregisterAsync(HttpContext http, OcpiConnections connections)
    {
        var caller = OcpiRequestFilter.Caller(http);
        if (caller.WithTokenA)
            return NotRegistered(http);
        await connections.UnregisterAsync(caller.Connection, http.RequestAborted);
        return OcpiResults.Success(http, StatusCodes.Status200OK, "unregistered");
    }

    private static IResult NotRegistered(HttpContext http) =>
        OcpiResults.Error(http, StatusCodes.Status405MethodNotAllowed, OcpiStatus.ClientError, "not registered: POST the credentials first");

    /// <summary>The caller's Credentials object, checked; or the error answer.</summary>
    private static async Task<(Credentials? Partner, IResult? Error)> ReadAsync(HttpContext http, OcpiConnection connection)
    {
        Credentials? partner;
        try
        {
            partner = await JsonSerializer.DeserializeAsync<Credentials>(http.Request.Body, OcpiJson.Options, http.RequestAborted);
        }
        catch (JsonException e)
        {
            return (null, OcpiResults.Error(http, StatusCodes.Status400BadRequest, OcpiStatus.InvalidParameters, $"the body is not a valid Credentials object: {e.Message}"));
        }

        var problem = Check(partner, connection);
        if (problem is not null)
            return (null, OcpiResults.Error(http, StatusCodes.Status400BadRequest, OcpiStatus.InvalidParameters, problem));
        // We could never call a versions URL that is not absolute http(s): we cannot use the client's API.
        if (!Uri.TryCreate(partner!.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
            return (null, OcpiResults.Error(http, StatusCodes.Status400BadRequest, OcpiStatus.CannotUseClientApi, "url: not an absolute http(s) versions URL"));
        return (partner, null);
    }

    private static string? Check(Credentials? partner, OcpiConnection connection)
    {
        if (partner is null)
            return "the body is empty";
        if (string.IsNullOrEmpty(partner.Token) || partner.Token.Length > 64 || !partner.Token.All(c => c is >= '!' and <= '~'))
            return "token: required, at most 64 printable ASCII characters without whitespace";
        if (string.IsNullOrWhiteSpace(partner.Url) || partner.Url.Length > 255)
            return "url: required, at most 255 characters";
        if (partner.Roles is not { Count: > 0 })
            return "roles: at least one role is required";
        if (partner.Roles.Any(r => r is null || string.IsNullOrWhiteSpace(r.Role) || r.PartyId is null || r.CountryCode is null || r.BusinessDetails is null))
            return "roles: every role needs role, business_details, party_id and country_code";
        if (!partner.Roles.Any(r => r.Role == "CPO" && connection.IsParty(r.CountryCode, r.PartyId)))
            return $"roles: no CPO role for party {connection.CountryCode}*{connection.PartyId}, the party this token was issued for";
        return null;
    }
}
