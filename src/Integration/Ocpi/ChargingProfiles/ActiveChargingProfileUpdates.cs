using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Portal.Integration.Persistence;

namespace Portal.Integration.Ocpi.ChargingProfiles;

/// <summary>
/// The Sender interface's PUT (NOTES 8.2): the CPO pushes the ActiveChargingProfile of a session whenever
/// it changes, but only for sessions where we once set a profile. So an update is taken only from the
/// connection that had a SetChargingProfile for that session accepted; each distinct update is kept once.
/// </summary>
public sealed class ActiveChargingProfileUpdates(PortalDbContext db, TimeProvider clock, ILogger<ActiveChargingProfileUpdates> logger)
{
    public async Task<UpdateOutcome> ReceiveAsync(Guid connectionId, string sessionId, string rawJson, JsonNode? body, string? requestId, CancellationToken ct = default)
    {
        // ACCEPTED as answer, or as result when the CPO's callback overtook its answer: either way it took our profile.
        var ours = await db.ChargingProfileRequests.AsNoTracking().AnyAsync(r =>
            r.ConnectionId == connectionId && r.SessionId == sessionId && r.Kind == ChargingProfileRequestKind.Set
            && (r.SyncResult == ChargingProfileValues.Accepted || r.AsyncResult == ChargingProfileValues.Accepted), ct);
        if (!ours)
        {
            logger.LogWarning("Active charging profile from connection {Connection} for session {Session} refused: no accepted profile of ours", connectionId, sessionId);
            return new UpdateOutcome(UpdateStatus.UnknownSession, "no charging profile that the portal set for this session was accepted by you");
        }
        if (rawJson.Length > ActiveChargingProfileUpdate.MaxJson)
            return Invalid(connectionId, sessionId, $"the body is longer than {ActiveChargingProfileUpdate.MaxJson} characters");
        if (body is not JsonObject json)
            return Invalid(connectionId, sessionId, "the body must be an ActiveChargingProfile object");
        var (profile, problems) = ActiveChargingProfileReader.Read(json);
        if (profile is null)
            return Invalid(connectionId, sessionId, string.Join("; ", problems));

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json.ToJsonString())));
        // PostgreSQL keeps microseconds: compare and store what the database can hold.
        var start = profile.StartDateTimeUtc.AddTicks(-(profile.StartDateTimeUtc.Ticks % 10));
        if (await IsStoredAsync(connectionId, sessionId, start, hash, ct))
            return new UpdateOutcome(UpdateStatus.Duplicate, "this update was received before");

        db.ActiveChargingProfileUpdates.Add(ActiveChargingProfileUpdate.Receive(connectionId, sessionId, start, profile.ChargingRateUnit, profile.LimitAtStart,
            rawJson, hash, clock.GetUtcNow().UtcDateTime, string.IsNullOrWhiteSpace(requestId) ? null : requestId.Length > ActiveChargingProfileUpdate.MaxRequestId ? requestId[..ActiveChargingProfileUpdate.MaxRequestId] : requestId));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same push arrived twice at once: the unique index let one of them in.
            db.ChangeTracker.Clear();
            if (!await IsStoredAsync(connectionId, sessionId, start, hash, ct))
                throw;
            return new UpdateOutcome(UpdateStatus.Duplicate, "this update was received before");
        }
        return new UpdateOutcome(UpdateStatus.Stored, null);
    }

    private Task<bool> IsStoredAsync(Guid connectionId, string sessionId, DateTime start, string hash, CancellationToken ct) =>
        db.ActiveChargingProfileUpdates.AsNoTracking().AnyAsync(u =>
            u.ConnectionId == connectionId && u.SessionId == sessionId && u.StartDateTimeUtc == start && u.JsonHash == hash, ct);

    private UpdateOutcome Invalid(Guid connectionId, string sessionId, string message)
    {
        logger.LogWarning("Active charging profile from connection {Connection} for session {Session} refused: {Problem}", connectionId, sessionId, message);
        return new UpdateOutcome(UpdateStatus.Invalid, message);
    }
}

public enum UpdateStatus
{
    Stored,
    Duplicate,
    UnknownSession,
    Invalid,
}

public sealed record UpdateOutcome(UpdateStatus Status, string? Message);
