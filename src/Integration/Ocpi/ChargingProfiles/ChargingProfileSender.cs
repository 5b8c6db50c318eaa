using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Portal.Integration.Ocpi.Contracts;
using Portal.Integration.Persistence;

namespace Portal.Integration.Ocpi.ChargingProfiles;

/// <summary>
/// The portal as ChargingProfiles Sender (NOTES 8): queues a SetChargingProfile, a request for the
/// active profile or the clearing of the profile for a session, with a response_url on the portal's own OCPI interface that names the
/// <see cref="ChargingProfileRequest"/>. <see cref="ChargingProfileDelivery"/> makes the calls; the
/// callback arrives at <c>POST /ocpi/2.2.1/chargingprofiles/results/{id}</c>.
/// </summary>
public sealed class ChargingProfileSender(PortalDbContext db, TimeProvider clock, ILogger<ChargingProfileSender> logger)
{
    public const string Module = "chargingprofiles";

    /// <summary>The path of the callback under the portal's /ocpi prefix.</summary>
    public const string ResultsPath = "/ocpi/2.2.1/chargingprofiles/results/";

    /// <summary>
    /// Queues a profile with one period: at most <paramref name="limit"/> <paramref name="unit"/> (W or A)
    /// from the start of charging. <paramref name="portalBaseUrl"/> is the portal's public address as
    /// the CPO reaches it (the same base as the versions URL we gave it).
    /// </summary>
    public Task<ChargingProfileRequest> QueueSetAsync(Guid connectionId, string sessionId, decimal limit, string unit, string portalBaseUrl, string requestedBy, CancellationToken ct = default) =>
        QueueSetAsync(connectionId, sessionId, limit, unit, portalBaseUrl, requestedBy, null, ct);

    /// <summary>As above, for <paramref name="durationSeconds"/> from the start (the profile's duration); null: until the session ends.</summary>
    public async Task<ChargingProfileRequest> QueueSetAsync(Guid connectionId, string sessionId, decimal limit, string unit, string portalBaseUrl, string requestedBy,
        int? durationSeconds, CancellationToken ct = default)
    {
        if (durationSeconds is <= 0)
            throw new ArgumentOutOfRangeException(nameof(durationSeconds), "A duration is a positive number of seconds.");
        if (!ChargingProfileValues.RateUnits.Contains(unit))
            throw new ArgumentException("The unit must be W or A.", nameof(unit));
        if (limit <= 0 || decimal.Round(limit, 1) != limit)
            throw new ArgumentException("The limit must be positive with at most one decimal.", nameof(limit));
        var session = await SessionAsync(connectionId, sessionId, ct);
        var request = ChargingProfileRequest.Set(connectionId, sessionId, session?.LocationId, session?.EvseUid, limit, unit,
            id => ResponseUrl(portalBaseUrl, id), requestedBy, clock.GetUtcNow().UtcDateTime);
        var body = new SetChargingProfile(new ChargingProfile(null, durationSeconds, unit, null, [new ChargingProfilePeriod(0, limit)]), request.ResponseUrl);
        request.RecordProfile(JsonSerializer.Serialize(body, OcpiJson.Options));
        return await QueueAsync(request, ct);
    }

    /// <summary>Queues a GET of the ActiveChargingProfile for the next <paramref name="durationSeconds"/>; the profile follows on the callback.</summary>
    public async Task<ChargingProfileRequest> QueueGetActiveAsync(Guid connectionId, string sessionId, int durationSeconds, string portalBaseUrl, string requestedBy, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(durationSeconds);
        var session = await SessionAsync(connectionId, sessionId, ct);
        var request = ChargingProfileRequest.GetActive(connectionId, sessionId, session?.LocationId, session?.EvseUid, durationSeconds,
            id => ResponseUrl(portalBaseUrl, id), requestedBy, clock.GetUtcNow().UtcDateTime);
        return await QueueAsync(request, ct);
    }

    /// <summary>Queues a DELETE of the session's profile: the charger falls back to its own limits.</summary>
    public async Task<ChargingProfileRequest> QueueClearAsync(Guid connectionId, string sessionId, string portalBaseUrl, string requestedBy, CancellationToken ct = default)
    {
        var session = await SessionAsync(connectionId, sessionId, ct);
        var request = ChargingProfileRequest.Clear(connectionId, sessionId, session?.LocationId, session?.EvseUid,
            id => ResponseUrl(portalBaseUrl, id), requestedBy, clock.GetUtcNow().UtcDateTime);
        return await QueueAsync(request, ct);
    }

    /// <summary>Requests whose ACCEPTED answer timed out without a callback become NoResult; returns how many.</summary>
    public async Task<int> ExpireAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var waiting = await db.ChargingProfileRequests
            .Where(r => r.State == ChargingProfileRequestState.Answered && r.SyncResult == ChargingProfileValues.Accepted)
            .ToListAsync(ct);
        var expired = waiting.Where(r => r.ExpireIfDue(now)).ToList();
        if (expired.Count == 0)
            return 0;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // A result arrived for one of them meanwhile: the next run sees the rows as they are now.
            db.ChangeTracker.Clear();
            return 0;
        }
        logger.LogInformation("Charging profiles: {Count} request(s) got no result within their timeout", expired.Count);
        return expired.Count;
    }

    public static string ResponseUrl(string portalBaseUrl, Guid requestId) =>
        portalBaseUrl.TrimEnd('/') + ResultsPath + requestId.ToString("D");

    private async Task<ChargingProfileRequest> QueueAsync(ChargingProfileRequest request, CancellationToken ct)
    {
        db.ChargingProfileRequests.Add(request);
        await db.SaveChangesAsync(ct);
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
