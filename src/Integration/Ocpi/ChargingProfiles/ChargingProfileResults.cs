using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Portal.Integration.Ocpi.Contracts;
using Portal.Integration.Persistence;

namespace Portal.Integration.Ocpi.ChargingProfiles;

/// <summary>
/// The callback side (NOTES 8.2): a CPO posts the ChargingProfileResult, ActiveChargingProfileResult or ClearProfileResult of
/// one of our requests to its response_url. Only the connection the request went to may post it; the
/// first valid result is kept, later ones are acknowledged and ignored.
/// </summary>
public sealed class ChargingProfileResults(PortalDbContext db, TimeProvider clock)
{
    public async Task<ResultOutcome> ReceiveAsync(Guid connectionId, Guid requestId, JsonNode? body, CancellationToken ct = default)
    {
        var request = await db.ChargingProfileRequests.FirstOrDefaultAsync(r => r.Id == requestId && r.ConnectionId == connectionId, ct);
        if (request is null)
            return new ResultOutcome(ResultStatus.UnknownRequest, "no charging-profile request with this id was sent to you");
        if (body is not JsonObject json)
            return new ResultOutcome(ResultStatus.Invalid, "the body must be a ChargingProfileResult or ActiveChargingProfileResult object");
        var result = json["result"] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
        if (result is null || !ChargingProfileValues.ResultTypes.Contains(result))
            return new ResultOutcome(ResultStatus.Invalid, "result: required, one of ACCEPTED, REJECTED, UNKNOWN");
        if (request.Kind == ChargingProfileRequestKind.GetActive && json["profile"] is { } profile)
        {
            try
            {
                if (profile.Deserialize<ActiveChargingProfile>(OcpiJson.Options) is not { ChargingProfile: not null })
                    return new ResultOutcome(ResultStatus.Invalid, "profile: not an ActiveChargingProfile");
            }
            catch (JsonException e)
            {
                return new ResultOutcome(ResultStatus.Invalid, $"profile: not an ActiveChargingProfile ({e.Message})");
            }
        }
        // Our record of the CPO's answer (or another copy of this result) may be saved first: applied on top of it.
        return await db.ApplyAndSaveAsync(request, r => r.ReceiveResult(result, json.ToJsonString(), clock.GetUtcNow().UtcDateTime), ct)
            ? new ResultOutcome(ResultStatus.Recorded, null)
            : new ResultOutcome(ResultStatus.AlreadyRecorded, "a result for this request was recorded already; this one is ignored");
    }
}

public enum ResultStatus
{
    Recorded,
    AlreadyRecorded,
    UnknownRequest,
    Invalid,
}

public sealed record ResultOutcome(ResultStatus Status, string? Message);
