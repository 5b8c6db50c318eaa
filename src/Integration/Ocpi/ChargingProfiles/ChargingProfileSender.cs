using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Portal.Integration.Ocpi.Client;
using Portal.Integration.Ocpi.Connections;
using Portal.Integration.Ocpi.Contracts;
using Portal.Integration.Persistence;

namespace Portal.Integration.Ocpi.ChargingProfiles;

/// <summary>
/// The portal as ChargingProfiles Sender (NOTES 8): sends a SetChargingProfile (or asks for the active
/// profile) for a session at the CPO's discovered chargingprofiles RECEIVER endpoint, with a
/// response_url on the portal's own OCPI interface that names the <see cref="ChargingProfileRequest"/>;
/// records the immediate answer. The callback arrives at <c>POST /ocpi/2.2.1/chargingprofiles/results/{id}</c>.
/// </summary>
public sealed class ChargingProfileSender(
    PortalDbContext db,
    OcpiClient client,
    OcpiPartners partners,
    TimeProvider clock,
    ILogger<ChargingProfileSender> logger)
{
    public const string Module = "chargingprofiles";

    /// <summary>The path of the callback under the portal's /ocpi prefix.</summary>
    public const string ResultsPath = "/ocpi/2.2.1/chargingprofiles/results/";

    /// <summary>
    /// PUT a profile with one period: at most <paramref name="limit"/> <paramref name="unit"/> (W or A)
    /// from the start of charging. <paramref name="portalBaseUrl"/> is the portal's public address as
    /// the CPO reaches it (the same base as the versions URL we gave it).
    /// </summary>
    public async Task<ChargingProfileRequest> SendAsync(Guid connectionId, string sessionId, decimal limit, string unit, string portalBaseUrl, string requestedBy, CancellationToken ct = default)
    {
        if (!ChargingProfileValues.RateUnits.Contains(unit))
            throw new ArgumentException("The unit must be W or A.", nameof(unit));
        if (limit <= 0 || decimal.Round(limit, 1) != limit)
            throw new ArgumentException("The limit must be positive with at most one decimal.", nameof(limit));
        var session = await SessionAsync(connectionId, sessionId, ct);
        var request = ChargingProfileRequest.Set(connectionId, sessionId, session?.LocationId, session?.EvseUid, limit, unit, requestedBy, clock.GetUtcNow().UtcDateTime);
        var body = new SetChargingProfile(new ChargingProfile(null, null, unit, null, [new ChargingProfilePeriod(0, limit)]), ResponseUrl(portalBaseUrl, request.Id));
        request.RecordProfile(JsonSerializer.Serialize(body, OcpiJson.Options));
        return await CallAsync(request, (url, token) => client.SendAsync<ChargingProfileResponse>(connectionId, HttpMethod.Put, url, token, body, ct), ct);
    }

    /// <summary>GET the ActiveChargingProfile for the next <paramref name="durationSeconds"/>; the profile follows on the callback.</summary>
    public async Task<ChargingProfileRequest> GetActiveAsync(Guid connectionId, string sessionId, int durationSeconds, string portalBaseUrl, string requestedBy, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(durationSeconds);
        var session = await SessionAsync(connectionId, sessionId, ct);
        var request = ChargingProfileRequest.GetActive(connectionId, sessionId, session?.LocationId, session?.EvseUid, durationSeconds, requestedBy, clock.GetUtcNow().UtcDateTime);
        var responseUrl = ResponseUrl(portalBaseUrl, request.Id);
        return await CallAsync(request, (url, token) =>
        {
            var query = $"?duration={durationSeconds.ToString(CultureInfo.InvariantCulture)}&response_url={Uri.EscapeDataString(responseUrl)}";
            return client.GetAsync<ChargingProfileResponse>(connectionId, url + query, token, ct);
        }, ct);
    }

    /// <summary>Requests whose ACCEPTED answer timed out without a callback become NoResult; returns how many.</summary>
    public async Task<int> ExpireAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var waiting = await db.ChargingProfileRequests
            .Where(r => r.State == ChargingProfileRequestState.Answered && r.SyncResult == ChargingProfileValues.Accepted)
            .ToListAsync(ct);
        var expired = waiting.Count(r => r.ExpireIfDue(now));
        if (expired > 0)
        {
            await db.SaveChangesAsync(ct);
            logger.LogInformation("Charging profiles: {Count} request(s) got no result within their timeout", expired);
        }
        return expired;
    }

    public static string ResponseUrl(string portalBaseUrl, Guid requestId) =>
        portalBaseUrl.TrimEnd('/') + ResultsPath + requestId.ToString("D");

    private async Task<ChargingProfileRequest> CallAsync(ChargingProfileRequest request, Func<string, string, Task<OcpiResult<ChargingProfileResponse>>> call, CancellationToken ct)
    {
        db.ChargingProfileRequests.Add(request);
        var connection = await db.OcpiConnections.FirstOrDefaultAsync(c => c.Id == request.ConnectionId, ct);
        var endpoint = await partners.EndpointAsync(request.ConnectionId, Module, "RECEIVER", ct);
        var token = connection is null || connection.Status == OcpiConnectionStatus.Revoked ? null : partners.PartnerToken(connection);
        if (connection is null || token is null)
        {
            request.Fail("this connection has no credentials to call the CPO with", null, null, null, clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(ct);
            return request;
        }
        if (endpoint is null)
        {
            request.Fail("the CPO lists no chargingprofiles RECEIVER endpoint (test the connection to discover its endpoints again)", null, null, null, clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(ct);
            return request;
        }
        // Saved before the call: the CPO may post its result before its answer reaches us.
        await db.SaveChangesAsync(ct);

        var url = endpoint.TrimEnd('/') + "/" + Uri.EscapeDataString(request.SessionId);
        OcpiResult<ChargingProfileResponse>? answer = null;
        OcpiCallException? failure = null;
        try
        {
            answer = await call(url, token);
        }
        catch (OcpiCallException e)
        {
            failure = e;
            logger.LogWarning(e, "Charging profile {Request} to connection {Connection} failed", request.Id, request.ConnectionId);
        }

        // The callback may have been recorded meanwhile by another request: apply the answer on top of it.
        await db.Entry(request).ReloadAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        if (failure is not null)
            request.Fail(failure.Message, failure.RequestId, failure.HttpStatus, failure.OcpiStatus, now);
        else if (answer!.Data is not { } response || !ChargingProfileValues.ResponseTypes.Contains(response.Result ?? "") || response.Timeout < 0)
            request.Fail("the answer is not a valid ChargingProfileResponse (result ACCEPTED, NOT_SUPPORTED, REJECTED, TOO_OFTEN or UNKNOWN_SESSION, and a timeout)", answer.RequestId, answer.HttpStatus, answer.OcpiStatus, now);
        else
            request.Answer(answer.HttpStatus, answer.OcpiStatus, response.Result!, response.Timeout, answer.RequestId, now);
        await db.SaveChangesAsync(ct);

        // A callback saved between the reload and this save lost its state to ours (its other columns
        // are not ours to write, so they stand): give the row back the state its result earned.
        var overtaken = await db.ChargingProfileRequests
            .Where(r => r.Id == request.Id && r.ReceivedAtUtc != null
                && (r.State == ChargingProfileRequestState.Answered || r.State == ChargingProfileRequestState.Failed))
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.State, ChargingProfileRequestState.ResultReceived), ct);
        if (overtaken > 0)
            await db.Entry(request).ReloadAsync(ct);
        return request;
    }

    private Task<SessionPlace?> SessionAsync(Guid connectionId, string sessionId, CancellationToken ct) =>
        db.OcpiSessions.AsNoTracking()
            .Where(s => s.ConnectionId == connectionId && s.SessionId == sessionId)
            .OrderByDescending(s => s.LastUpdatedUtc)
            .Select(s => new SessionPlace(s.LocationId, s.EvseUid))
            .FirstOrDefaultAsync(ct);

    private sealed record SessionPlace(string LocationId, string EvseUid);
}
