using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Integration.Ocpi.Client;
using Portal.Integration.Ocpi.Connections;
using Portal.Integration.Ocpi.Contracts;
using Portal.Integration.Persistence;

namespace Portal.Integration.Ocpi.ChargingProfiles;

/// <summary>What one delivery run did.</summary>
public sealed record ChargingProfileDeliveryReport(int Answered, int Retrying, int Failed);

/// <summary>
/// Makes the queued ChargingProfiles calls at each CPO's discovered chargingprofiles RECEIVER endpoint,
/// through the connection's resilience pipeline, and records the immediate answer. A request is claimed
/// before its call (the concurrency token makes one node win); a failure that may pass puts it back in
/// the queue with a growing wait, any other failure ends it.
/// </summary>
public sealed class ChargingProfileDelivery(
    PortalDbContext db,
    OcpiClient client,
    OcpiPartners partners,
    IOptions<OcpiClientOptions> clientOptions,
    TimeProvider clock,
    ILogger<ChargingProfileDelivery> logger)
{
    private const int BatchSize = 50;

    /// <summary>Delivers every request that is due, oldest first.</summary>
    public async Task<ChargingProfileDeliveryReport> DeliverDueAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.ChargingProfileRequests.AsNoTracking()
            .Where(r => (r.State == ChargingProfileRequestState.Queued && r.NextAttemptAtUtc <= now)
                || (r.State == ChargingProfileRequestState.Sending && r.ClaimedUntilUtc < now))
            .OrderBy(r => r.NextAttemptAtUtc)
            .Take(BatchSize)
            .Select(r => r.Id)
            .ToListAsync(ct);

        int answered = 0, retrying = 0, failed = 0;
        foreach (var id in due)
        {
            ct.ThrowIfCancellationRequested();
            switch ((await DeliverAsync(id, ct))?.State)
            {
                case ChargingProfileRequestState.Queued:
                    retrying++;
                    break;
                case ChargingProfileRequestState.Failed:
                    failed++;
                    break;
                case null:
                    break;
                default:
                    answered++;
                    break;
            }
        }
        return new ChargingProfileDeliveryReport(answered, retrying, failed);
    }

    /// <summary>Delivers one request if it is due; null when it is not (any more), for example because another node took it.</summary>
    public async Task<ChargingProfileRequest?> DeliverAsync(Guid requestId, CancellationToken ct = default)
    {
        db.ChangeTracker.Clear();
        var request = await db.ChargingProfileRequests.FirstOrDefaultAsync(r => r.Id == requestId, ct);
        if (request is null || !request.StartDelivery(clock.GetUtcNow().UtcDateTime, ClaimTime()))
            return null;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return null;
        }

        var connection = await db.OcpiConnections.AsNoTracking().FirstOrDefaultAsync(c => c.Id == request.ConnectionId, ct);
        var token = connection is null || connection.Status == OcpiConnectionStatus.Revoked ? null : partners.PartnerToken(connection);
        if (connection is null || token is null)
            return await RecordAsync(request, r => r.Fail("this connection has no credentials to call the CPO with", null, null, null, Now()));
        var endpoint = await partners.EndpointAsync(request.ConnectionId, ChargingProfileSender.Module, "RECEIVER", ct);
        if (endpoint is null)
            return await RecordAsync(request, r => r.Fail("the CPO lists no chargingprofiles RECEIVER endpoint (test the connection to discover its endpoints again)", null, null, null, Now()));

        var url = endpoint.TrimEnd('/') + "/" + Uri.EscapeDataString(request.SessionId);
        OcpiResult<ChargingProfileResponse> answer;
        try
        {
            answer = await CallAsync(request, url, token, ct);
        }
        catch (OcpiCallException e)
        {
            logger.LogWarning(e, "Charging profile {Request} to connection {Connection} failed (attempt {Attempt})", request.Id, request.ConnectionId, request.Attempts);
            await RecordAsync(request, r =>
            {
                if (e.IsTransient)
                    r.FailForNow(e.Message, e.RequestId, e.HttpStatus, e.OcpiStatus, Now());
                else
                    r.Fail(e.Message, e.RequestId, e.HttpStatus, e.OcpiStatus, Now());
            });
            // The connection's health shows the error too; a refused token (401) makes it Failing.
            var tracked = await db.OcpiConnections.FirstAsync(c => c.Id == request.ConnectionId, CancellationToken.None);
            await partners.RecordFailureAsync(tracked, e, CancellationToken.None);
            return request;
        }
        var reached = await db.OcpiConnections.FirstAsync(c => c.Id == request.ConnectionId, CancellationToken.None);
        reached.MarkPartnerReachable(Now());

        if (answer.Data is not { } response || !ChargingProfileValues.ResponseTypes.Contains(response.Result ?? "") || response.Timeout < 0)
            return await RecordAsync(request, r => r.Fail("the answer is not a valid ChargingProfileResponse (result ACCEPTED, NOT_SUPPORTED, REJECTED, TOO_OFTEN or UNKNOWN_SESSION, and a timeout)",
                answer.RequestId, answer.HttpStatus, answer.OcpiStatus, Now()));
        return await RecordAsync(request, r => r.Answer(answer.HttpStatus, answer.OcpiStatus, response.Result!, response.Timeout, answer.RequestId, Now()));
    }

    /// <summary>NOTES 8.1: PUT with the SetChargingProfile body; GET and DELETE with their parameters in the query only.</summary>
    private Task<OcpiResult<ChargingProfileResponse>> CallAsync(ChargingProfileRequest request, string url, string token, CancellationToken ct)
    {
        var responseUrl = $"response_url={Uri.EscapeDataString(request.ResponseUrl)}";
        return request.Kind switch
        {
            ChargingProfileRequestKind.Set =>
                client.SendAsync<ChargingProfileResponse>(request.ConnectionId, HttpMethod.Put, url, token, JsonNode.Parse(request.ProfileJson!), ct),
            ChargingProfileRequestKind.GetActive =>
                client.GetAsync<ChargingProfileResponse>(request.ConnectionId, $"{url}?duration={request.DurationSeconds!.Value.ToString(CultureInfo.InvariantCulture)}&{responseUrl}", token, ct),
            ChargingProfileRequestKind.Clear =>
                client.SendAsync<ChargingProfileResponse>(request.ConnectionId, HttpMethod.Delete, $"{url}?{responseUrl}", token, null, ct),
            _ => throw new InvalidOperationException($"Unknown kind {request.Kind}"),
        };
    }

    /// <summary>
    /// Applies the outcome and saves it. The CPO's callback may have been saved since the claim; then the
    /// row is read again and the outcome applied on top of it. Not cancellable: the call has been made.
    /// </summary>
    private async Task<ChargingProfileRequest> RecordAsync(ChargingProfileRequest request, Action<ChargingProfileRequest> apply)
    {
        await db.ApplyAndSaveAsync(request, r =>
        {
            apply(r);
            return true;
        }, CancellationToken.None);
        return request;
    }

    /// <summary>Longer than one call can take with every retry of the connection's pipeline.</summary>
    private TimeSpan ClaimTime()
    {
        var o = clientOptions.Value;
        return (o.MaxRetryAttempts + 1) * o.AttemptTimeout + o.MaxRetryAttempts * o.MaxRetryAfter + TimeSpan.FromMinutes(1);
    }

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}
