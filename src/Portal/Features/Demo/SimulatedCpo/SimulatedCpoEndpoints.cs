using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.Options;
using Portal.Integration.Ocpi;
using Portal.Integration.Ocpi.Connections;
using Portal.Integration.Ocpi.Contracts;
using OcpiContracts = Portal.Integration.Ocpi.Contracts;

namespace Portal.Features.Demo.SimulatedCpo;

/// <summary>
/// The simulated CPO's own OCPI 2.2.1 interface under /demo-cpo/ocpi: versions, credentials, the
/// Locations, Sessions, CDRs and Tariffs sender interfaces (paginated) and the ChargingProfiles
/// receiver. Only the token it gave the portal in its credentials opens it.
/// </summary>
internal static class SimulatedCpoEndpoints
{
    private const string Version = "2.2.1";
    private const int ProfileTimeoutSeconds = 30;

    public static void MapSimulatedCpoEndpoints(this IEndpointRouteBuilder app)
    {
        var ocpi = app.MapGroup(SimulatedCpoRunner.PathPrefix).AddEndpointFilter(AuthenticateAsync).ExcludeFromDescription();
        ocpi.MapGet("/versions", (HttpContext http) => Ok(http, new List<OcpiVersion> { new(Version, $"{Root(http)}/{Version}") }));
        ocpi.MapGet($"/{Version}", (HttpContext http) =>
        {
            var root = $"{Root(http)}/{Version}";
            return Ok(http, new VersionDetails(Version,
            [
                new OcpiContracts.Endpoint("credentials", "SENDER", $"{root}/credentials"),
                new OcpiContracts.Endpoint("locations", "SENDER", $"{root}/locations"),
                new OcpiContracts.Endpoint("sessions", "SENDER", $"{root}/sessions"),
                new OcpiContracts.Endpoint("cdrs", "SENDER", $"{root}/cdrs"),
                new OcpiContracts.Endpoint("tariffs", "SENDER", $"{root}/tariffs"),
                new OcpiContracts.Endpoint("chargingprofiles", "RECEIVER", $"{root}/chargingprofiles"),
            ]));
        });
        ocpi.MapGet($"/{Version}/credentials", (HttpContext http, SimulatedCpoWorld world) => Ok(http, Credentials(http, world, world.OwnToken!)));
        ocpi.MapPost($"/{Version}/credentials", (HttpContext http) =>
            Envelope<object>(http, StatusCodes.Status405MethodNotAllowed, null, 2000, "already registered: use PUT to update the credentials"));
        ocpi.MapPut($"/{Version}/credentials", UpdateCredentialsAsync);

        var locations = ocpi.MapGroup($"/{Version}/locations");
        locations.MapGet("", (HttpContext http, SimulatedCpoWorld world, IOptions<SimulatedCpoOptions> options) =>
            Page(http, world.Locations(), l => l.LastUpdated, options.Value.PageLimit));
        locations.MapGet("/{locationId}", (HttpContext http, SimulatedCpoWorld world, string locationId) =>
            Object(http, world, locationId, l => l));
        locations.MapGet("/{locationId}/{evseUid}", (HttpContext http, SimulatedCpoWorld world, string locationId, string evseUid) =>
            Object(http, world, locationId, l => l.Evses?.FirstOrDefault(e => Same(e.Uid, evseUid))));
        locations.MapGet("/{locationId}/{evseUid}/{connectorId}", (HttpContext http, SimulatedCpoWorld world, string locationId, string evseUid, string connectorId) =>
            Object(http, world, locationId, l => l.Evses?.FirstOrDefault(e => Same(e.Uid, evseUid))?.Connectors?.FirstOrDefault(c => Same(c.Id, connectorId))));

        ocpi.MapGet($"/{Version}/sessions", (HttpContext http, SimulatedCpoWorld world, TimeProvider clock, IOptions<SimulatedCpoOptions> options) =>
            Page(http, world.Sessions(clock.GetUtcNow().UtcDateTime), s => s.LastUpdated, options.Value.PageLimit));
        ocpi.MapGet($"/{Version}/cdrs", (HttpContext http, SimulatedCpoWorld world, IOptions<SimulatedCpoOptions> options) =>
            Page(http, world.Cdrs(), c => c.LastUpdated, options.Value.PageLimit));
        ocpi.MapGet($"/{Version}/tariffs", (HttpContext http, SimulatedCpoWorld world, IOptions<SimulatedCpoOptions> options) =>
            Page(http, world.Tariffs(), t => t.LastUpdated, options.Value.PageLimit));

        var profiles = ocpi.MapGroup($"/{Version}/chargingprofiles");
        profiles.MapPut("/{sessionId}", SetProfileAsync);
        profiles.MapGet("/{sessionId}", GetActiveProfile);
        profiles.MapDelete("/{sessionId}", ClearProfile);
    }

    private static async ValueTask<object?> AuthenticateAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        foreach (var header in new[] { "X-Request-ID", "X-Correlation-ID" })
        {
            var value = http.Request.Headers[header].ToString();
            http.Response.Headers[header] = string.IsNullOrWhiteSpace(value) ? Guid.NewGuid().ToString() : value;
        }
        var expected = http.RequestServices.GetRequiredService<SimulatedCpoWorld>().OwnToken;
        var presented = OcpiTokens.Candidates(http.Request.Headers.Authorization);
        if (expected is null || !presented.Any(t => CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(t), Encoding.UTF8.GetBytes(expected))))
            return Envelope<object>(http, StatusCodes.Status401Unauthorized, null, 2000, "missing or unknown credentials token");
        return await next(context);
    }

    /// <summary>The portal rotates: it sends its new token, and gets a new one of ours back.</summary>
    private static async Task<IResult> UpdateCredentialsAsync(HttpContext http, SimulatedCpoWorld world)
    {
        Credentials? portal;
        try
        {
            portal = await JsonSerializer.DeserializeAsync<Credentials>(http.Request.Body, OcpiJson.Options, http.RequestAborted);
        }
        catch (JsonException e)
        {
            return Envelope<object>(http, StatusCodes.Status400BadRequest, null, 2001, $"the body is not a valid Credentials object: {e.Message}");
        }
        if (portal is null || string.IsNullOrWhiteSpace(portal.Token) || world.Portal is not { } current)
            return Envelope<object>(http, StatusCodes.Status400BadRequest, null, 2001, "token: required");
        var tokenB = OcpiTokens.Generate();
        world.Registered(tokenB, current with { Token = portal.Token });
        return Ok(http, Credentials(http, world, tokenB));
    }

    private static Credentials Credentials(HttpContext http, SimulatedCpoWorld world, string token)
    {
        var party = world.Party;
        return new Credentials(token, $"{Root(http)}/versions",
            [new CredentialsRole("CPO", new BusinessDetails(party.OperatorName, null, null), party.PartyId, party.CountryCode)]);
    }

    private static IResult Object<T>(HttpContext http, SimulatedCpoWorld world, string locationId, Func<Location, T?> select)
    {
        var (location, offline) = world.Location(locationId);
        if (location is not null && offline)
            return Envelope<object>(http, StatusCodes.Status200OK, null, 3000, $"location {locationId} does not answer (simulated outage)");
        var found = location is null ? default : select(location);
        return found is null
            ? Envelope<object>(http, StatusCodes.Status404NotFound, null, 2003, $"unknown: {http.Request.Path}")
            : Ok(http, found);
    }

    /// <summary>
    /// The OCPI list rules: date_from inclusive, date_to exclusive (on last_updated), offset and limit
    /// (capped at X-Limit), X-Total-Count over the filtered set, and a Link to the next page while there is one.
    /// </summary>
    private static IResult Page<T>(HttpContext http, IReadOnlyList<T> all, Func<T, DateTime?> lastUpdated, int maxLimit)
    {
        maxLimit = Math.Max(1, maxLimit);
        var query = http.Request.Query;
        DateTime? from = null, to = null;
        int offset = 0, limit = maxLimit;
        if ((query.ContainsKey("date_from") && !TryDate(query["date_from"], out from))
            || (query.ContainsKey("date_to") && !TryDate(query["date_to"], out to))
            || (query.ContainsKey("offset") && (!int.TryParse(query["offset"], NumberStyles.None, CultureInfo.InvariantCulture, out offset)))
            || (query.ContainsKey("limit") && (!int.TryParse(query["limit"], NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit == 0)))
            return Envelope<object>(http, StatusCodes.Status200OK, null, 2001, "date_from, date_to: OCPI DateTime; offset: 0 or more; limit: 1 or more");
        limit = Math.Min(limit, maxLimit);
        var matching = all.Where(o => lastUpdated(o) is not { } at || ((from is null || at >= from) && (to is null || at < to))).ToList();
        var page = matching.Skip(offset).Take(limit).ToList();
        http.Response.Headers["X-Total-Count"] = matching.Count.ToString(CultureInfo.InvariantCulture);
        http.Response.Headers["X-Limit"] = maxLimit.ToString(CultureInfo.InvariantCulture);
        if (offset + page.Count < matching.Count)
        {
            var next = new QueryBuilder();
            foreach (var (key, values) in query.Where(q => q.Key is not ("offset" or "limit")))
                next.Add(key, values.ToArray()!);
            next.Add("offset", (offset + page.Count).ToString(CultureInfo.InvariantCulture));
            next.Add("limit", limit.ToString(CultureInfo.InvariantCulture));
            var request = http.Request;
            http.Response.Headers.Link = $"<{request.Scheme}://{request.Host}{request.PathBase}{request.Path}{next}>; rel=\"next\"";
        }
        return Ok(http, page);
    }

    private static async Task<IResult> SetProfileAsync(HttpContext http, string sessionId, SimulatedCpoWorld world, SimulatedCpoRunner runner, TimeProvider clock)
    {
        SetChargingProfile? set;
        try
        {
            set = await JsonSerializer.DeserializeAsync<SetChargingProfile>(http.Request.Body, OcpiJson.Options, http.RequestAborted);
        }
        catch (JsonException e)
        {
            return Envelope<object>(http, StatusCodes.Status400BadRequest, null, 2001, $"the body is not a SetChargingProfile: {e.Message}");
        }
        if (set?.ChargingProfile is null || !IsAbsoluteHttp(set.ResponseUrl) || set.ChargingProfile.ChargingRateUnit is not ("W" or "A"))
            return Envelope<object>(http, StatusCodes.Status200OK, null, 2001, "charging_profile (charging_rate_unit W or A) and an absolute response_url are required");
        var result = world.ProfileResponse(sessionId);
        if (result == "ACCEPTED")
        {
            var delay = world.ResultDelayMilliseconds(sessionId);
            world.SetProfile(sessionId, set.ChargingProfile, clock.GetUtcNow().UtcDateTime);
            runner.PostLater(set.ResponseUrl, new ChargingProfileResult("ACCEPTED"), new AppliedProfile(sessionId, set.ChargingProfile), delay);
        }
        return Ok(http, new ChargingProfileResponse(result, ProfileTimeoutSeconds));
    }

    private static IResult GetActiveProfile(HttpContext http, string sessionId, int? duration, string? response_url, SimulatedCpoWorld world, SimulatedCpoRunner runner, TimeProvider clock)
    {
        if (duration is not > 0 || !IsAbsoluteHttp(response_url))
            return Envelope<object>(http, StatusCodes.Status200OK, null, 2001, "duration (seconds) and an absolute response_url are required");
        var result = world.ProfileResponse(sessionId);
        if (result == "ACCEPTED" && world.ActiveProfile(sessionId) is { } profile)
            runner.PostLater(response_url!, new ActiveChargingProfileResult("ACCEPTED", new ActiveChargingProfile(clock.GetUtcNow().UtcDateTime, profile)));
        return Ok(http, new ChargingProfileResponse(result, ProfileTimeoutSeconds));
    }

    private static IResult ClearProfile(HttpContext http, string sessionId, string? response_url, SimulatedCpoWorld world, SimulatedCpoRunner runner, TimeProvider clock)
    {
        if (!IsAbsoluteHttp(response_url))
            return Envelope<object>(http, StatusCodes.Status200OK, null, 2001, "an absolute response_url is required");
        var result = world.ProfileResponse(sessionId);
        if (result == "ACCEPTED")
            runner.PostLater(response_url!, new ChargingProfileResult(world.ClearProfile(sessionId, clock.GetUtcNow().UtcDateTime) ? "ACCEPTED" : "UNKNOWN"));
        return Ok(http, new ChargingProfileResponse(result, ProfileTimeoutSeconds));
    }

    private static bool IsAbsoluteHttp(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private static bool TryDate(string? text, out DateTime? value)
    {
        var ok = OcpiJson.TryParseDateTime(text, out var utc);
        value = ok ? utc : null;
        return ok;
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    /// <summary>scheme://host/pathbase/demo-cpo/ocpi</summary>
    private static string Root(HttpContext http) =>
        $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}{SimulatedCpoRunner.PathPrefix}";

    private static IResult Ok<T>(HttpContext http, T data) => Envelope(http, StatusCodes.Status200OK, data, 1000, null);

    private static IResult Envelope<T>(HttpContext http, int httpStatus, T? data, int ocpiStatus, string? message) =>
        Results.Json(new OcpiResponse<T>(data, ocpiStatus, message, http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime),
            OcpiJson.Options, "application/json", httpStatus);
}
