namespace Portal.Integration.Ocpi.ChargingProfiles;

/// <summary>
/// One ChargingProfiles call the portal made as Sender (NOTES 8): the profile PUT (or the GET of the
/// active profile) for a session, the CPO's immediate ChargingProfileResponse, and the result it
/// posted later to our response_url, with the delay between the two. Kept for the admin page and
/// for the smart-charging audit.
/// </summary>
public sealed class ChargingProfileRequest
{
    public const int MaxError = 1000;

    private ChargingProfileRequest() { }

    /// <summary>Also the last segment of the response_url, so the callback finds this row.</summary>
    public Guid Id { get; private set; }
    public Guid ConnectionId { get; private set; }
    public ChargingProfileRequestKind Kind { get; private set; }
    public string SessionId { get; private set; } = "";

    /// <summary>From the pulled session, when the portal knows it.</summary>
    public string? LocationId { get; private set; }
    public string? EvseUid { get; private set; }

    /// <summary>The limit sent (Set only), in <see cref="Unit"/>: W or A.</summary>
    public decimal? Limit { get; private set; }
    public string? Unit { get; private set; }

    /// <summary>The SetChargingProfile body as sent, or for Get the duration asked for.</summary>
    public string? ProfileJson { get; private set; }
    public int? DurationSeconds { get; private set; }
    public string RequestedBy { get; private set; } = "";
    public DateTime SentAtUtc { get; private set; }

    /// <summary>When the synchronous answer (or the failure) came back.</summary>
    public DateTime? AnsweredAtUtc { get; private set; }
    public int? HttpStatus { get; private set; }
    public int? OcpiStatus { get; private set; }

    /// <summary>ChargingProfileResponseType: ACCEPTED, REJECTED, NOT_SUPPORTED, UNKNOWN_SESSION, TOO_OFTEN.</summary>
    public string? SyncResult { get; private set; }
    public int? TimeoutSeconds { get; private set; }

    /// <summary>ChargingProfileResultType of the callback: ACCEPTED, REJECTED, UNKNOWN.</summary>
    public string? AsyncResult { get; private set; }

    /// <summary>The callback body as received; for Get it holds the active profile.</summary>
    public string? ResultJson { get; private set; }
    public DateTime? ReceivedAtUtc { get; private set; }

    /// <summary>Callback received − synchronous answer received (− sent, if the callback came first).</summary>
    public long? DelayMilliseconds { get; private set; }
    public ChargingProfileRequestState State { get; private set; }
    public string? Error { get; private set; }

    /// <summary>X-Request-ID of our call to the CPO.</summary>
    public string? CallRequestId { get; private set; }

    public static ChargingProfileRequest Set(Guid connectionId, string sessionId, string? locationId, string? evseUid, decimal limit, string unit, string requestedBy, DateTime nowUtc) =>
        New(connectionId, ChargingProfileRequestKind.Set, sessionId, locationId, evseUid, requestedBy, nowUtc, r =>
        {
            r.Limit = limit;
            r.Unit = unit;
        });

    public static ChargingProfileRequest GetActive(Guid connectionId, string sessionId, string? locationId, string? evseUid, int durationSeconds, string requestedBy, DateTime nowUtc) =>
        New(connectionId, ChargingProfileRequestKind.GetActive, sessionId, locationId, evseUid, requestedBy, nowUtc, r => r.DurationSeconds = durationSeconds);

    private static ChargingProfileRequest New(Guid connectionId, ChargingProfileRequestKind kind, string sessionId, string? locationId, string? evseUid, string requestedBy, DateTime nowUtc, Action<ChargingProfileRequest> fill)
    {
        var request = new ChargingProfileRequest
        {
            Id = Guid.NewGuid(),
            ConnectionId = connectionId,
            Kind = kind,
            SessionId = sessionId,
            LocationId = locationId,
            EvseUid = evseUid,
            RequestedBy = requestedBy,
            SentAtUtc = nowUtc,
            State = ChargingProfileRequestState.Sent,
        };
        fill(request);
        return request;
    }

    public void RecordProfile(string json) => ProfileJson = json;

    /// <summary>When the timeout of an ACCEPTED answer passes; null when no result is to be expected.</summary>
    public DateTime? ResultDueAtUtc =>
        SyncResult == ChargingProfileValues.Accepted && AnsweredAtUtc is { } answered && TimeoutSeconds is { } timeout ? answered.AddSeconds(timeout) : null;

    /// <summary>The CPO's immediate answer. A callback that overtook it keeps its state; the delay is then counted from this answer.</summary>
    public void Answer(int httpStatus, int ocpiStatus, string result, int timeoutSeconds, string requestId, DateTime nowUtc)
    {
        AnsweredAtUtc = nowUtc;
        HttpStatus = httpStatus;
        OcpiStatus = ocpiStatus;
        SyncResult = result;
        TimeoutSeconds = timeoutSeconds;
        CallRequestId = requestId;
        if (ReceivedAtUtc is { } received)
            DelayMilliseconds = Math.Max(0, (long)(received - nowUtc).TotalMilliseconds);
        else
            State = ChargingProfileRequestState.Answered;
    }

    /// <summary>The call gave no usable answer (network, HTTP error, OCPI error status, invalid body, no endpoint).</summary>
    public void Fail(string error, string? requestId, int? httpStatus, int? ocpiStatus, DateTime nowUtc)
    {
        AnsweredAtUtc = nowUtc;
        Error = error.Length > MaxError ? error[..MaxError] : error;
        CallRequestId = requestId;
        HttpStatus = httpStatus;
        OcpiStatus = ocpiStatus;
        if (ReceivedAtUtc is null)
            State = ChargingProfileRequestState.Failed;
    }

    /// <summary>
    /// Records the callback once: false when a result is already recorded (a second POST changes nothing).
    /// A result after the timeout is recorded too, but the state stays NoResult: it did not come in time.
    /// </summary>
    public bool ReceiveResult(string result, string json, DateTime nowUtc)
    {
        if (ReceivedAtUtc is not null)
            return false;
        AsyncResult = result;
        ResultJson = json;
        ReceivedAtUtc = nowUtc;
        DelayMilliseconds = Math.Max(0, (long)(nowUtc - (AnsweredAtUtc ?? SentAtUtc)).TotalMilliseconds);
        if (State != ChargingProfileRequestState.NoResult)
            State = ChargingProfileRequestState.ResultReceived;
        return true;
    }

    /// <summary>An ACCEPTED answer whose timeout passed without a callback becomes NoResult (OCPI never retries).</summary>
    public bool ExpireIfDue(DateTime nowUtc)
    {
        if (State != ChargingProfileRequestState.Answered || ResultDueAtUtc is not { } due || due > nowUtc)
            return false;
        State = ChargingProfileRequestState.NoResult;
        return true;
    }
}

public enum ChargingProfileRequestKind
{
    /// <summary>PUT SetChargingProfile; the callback is a ChargingProfileResult.</summary>
    Set,

    /// <summary>GET the ActiveChargingProfile; the callback is an ActiveChargingProfileResult.</summary>
    GetActive,
}

public enum ChargingProfileRequestState
{
    /// <summary>The call is under way.</summary>
    Sent,

    /// <summary>The CPO answered; if ACCEPTED, a result is awaited until the timeout.</summary>
    Answered,
    ResultReceived,

    /// <summary>ACCEPTED, but the timeout passed without a result.</summary>
    NoResult,

    /// <summary>The call failed: see the error and the X-Request-ID.</summary>
    Failed,
}

/// <summary>The enum values of NOTES 8.3.</summary>
public static class ChargingProfileValues
{
    public const string Accepted = "ACCEPTED";

    public static readonly IReadOnlySet<string> ResponseTypes = new HashSet<string>(StringComparer.Ordinal)
        { "ACCEPTED", "NOT_SUPPORTED", "REJECTED", "TOO_OFTEN", "UNKNOWN_SESSION" };

    public static readonly IReadOnlySet<string> ResultTypes = new HashSet<string>(StringComparer.Ordinal)
        { "ACCEPTED", "REJECTED", "UNKNOWN" };

    public static readonly IReadOnlySet<string> RateUnits = new HashSet<string>(StringComparer.Ordinal) { "W", "A" };
}
