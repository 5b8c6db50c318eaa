namespace Portal.Integration.Ocpi.ChargingProfiles;

/// <summary>
/// One ChargingProfiles call the portal makes as Sender (NOTES 8): the profile PUT (or the GET of the
/// active profile) for a session, queued until it is delivered, the CPO's immediate
/// ChargingProfileResponse, and the result it posted later to our response_url, with the delay
/// between the two. Kept for the admin page and for the smart-charging audit.
/// </summary>
public sealed class ChargingProfileRequest
{
    public const int MaxError = 1000;
    public const int MaxResponseUrl = 500;

    /// <summary>Deliveries before a call that keeps failing for a passing reason (network, timeout, 5xx) is given up.</summary>
    public const int MaxAttempts = 5;

    /// <summary>The wait after the first failed delivery; it doubles with every further one (30 s, 1, 2, 4 min).</summary>
    public static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(30);

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

    /// <summary>Where the CPO posts the result: the portal's callback with this request's id.</summary>
    public string ResponseUrl { get; private set; } = "";
    public DateTime QueuedAtUtc { get; private set; }

    /// <summary>When the (last) delivery went out; null while it waits for its first.</summary>
    public DateTime? SentAtUtc { get; private set; }
    public int Attempts { get; private set; }

    /// <summary>When a queued request is due (again).</summary>
    public DateTime NextAttemptAtUtc { get; private set; }

    /// <summary>While a node delivers it; a node that dies mid-call leaves the claim to expire and the call is made again.</summary>
    public DateTime? ClaimedUntilUtc { get; private set; }

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

    /// <summary>
    /// Concurrency token, raised by every change: the CPO's callback and our record of its answer can
    /// land at the same moment, and the one that saves second re-reads the row and applies itself again.
    /// </summary>
    public int Version { get; private set; }

    /// <summary>A SetChargingProfile, queued and due at once; <paramref name="responseUrl"/> gets this request's id.</summary>
    public static ChargingProfileRequest Set(Guid connectionId, string sessionId, string? locationId, string? evseUid, decimal limit, string unit,
        Func<Guid, string> responseUrl, string requestedBy, DateTime nowUtc) =>
        New(connectionId, ChargingProfileRequestKind.Set, sessionId, locationId, evseUid, responseUrl, requestedBy, nowUtc, r =>
        {
            r.Limit = limit;
            r.Unit = unit;
        });

    public static ChargingProfileRequest GetActive(Guid connectionId, string sessionId, string? locationId, string? evseUid, int durationSeconds,
        Func<Guid, string> responseUrl, string requestedBy, DateTime nowUtc) =>
        New(connectionId, ChargingProfileRequestKind.GetActive, sessionId, locationId, evseUid, responseUrl, requestedBy, nowUtc, r => r.DurationSeconds = durationSeconds);

    /// <summary>A DELETE that clears the profile the session has, so a test limit does not outlast the test.</summary>
    public static ChargingProfileRequest Clear(Guid connectionId, string sessionId, string? locationId, string? evseUid,
        Func<Guid, string> responseUrl, string requestedBy, DateTime nowUtc) =>
        New(connectionId, ChargingProfileRequestKind.Clear, sessionId, locationId, evseUid, responseUrl, requestedBy, nowUtc, _ => { });

    private static ChargingProfileRequest New(Guid connectionId, ChargingProfileRequestKind kind, string sessionId, string? locationId, string? evseUid,
        Func<Guid, string> responseUrl, string requestedBy, DateTime nowUtc, Action<ChargingProfileRequest> fill)
    {
        var id = Guid.NewGuid();
        var request = new ChargingProfileRequest
        {
            Id = id,
            ConnectionId = connectionId,
            Kind = kind,
            SessionId = sessionId,
            LocationId = locationId,
            EvseUid = evseUid,
            ResponseUrl = responseUrl(id),
            RequestedBy = requestedBy,
            QueuedAtUtc = nowUtc,
            NextAttemptAtUtc = nowUtc,
            State = ChargingProfileRequestState.Queued,
        };
        fill(request);
        return request;
    }

    public void RecordProfile(string json) => ProfileJson = json;

    /// <summary>Queued and due, or claimed by a delivery whose node stopped before it recorded the outcome.</summary>
    public bool IsDue(DateTime nowUtc) =>
        State == ChargingProfileRequestState.Queued && NextAttemptAtUtc <= nowUtc
        || State == ChargingProfileRequestState.Sending && ClaimedUntilUtc < nowUtc;

    /// <summary>Claims a due request for one delivery; the claim lasts longer than the call can take with all its retries.</summary>
    public bool StartDelivery(DateTime nowUtc, TimeSpan claim)
    {
        if (!IsDue(nowUtc))
            return false;
        Version++;
        State = ChargingProfileRequestState.Sending;
        Attempts++;
        SentAtUtc = nowUtc;
        ClaimedUntilUtc = nowUtc + claim;
        return true;
    }

    /// <summary>Whether a passing failure leaves room for another delivery.</summary>
    public bool MayRetry => Attempts < MaxAttempts && ReceivedAtUtc is null;

    /// <summary>When the timeout of an ACCEPTED answer passes; null when no result is to be expected.</summary>
    public DateTime? ResultDueAtUtc =>
        SyncResult == ChargingProfileValues.Accepted && AnsweredAtUtc is { } answered && TimeoutSeconds is { } timeout ? answered.AddSeconds(timeout) : null;

    /// <summary>The CPO's immediate answer. A callback that overtook it keeps its state; the delay is then counted from this answer.</summary>
    public void Answer(int httpStatus, int ocpiStatus, string result, int timeoutSeconds, string requestId, DateTime nowUtc)
    {
        Version++;
        ClaimedUntilUtc = null;
        Error = null;
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
        RecordFailure(error, requestId, httpStatus, ocpiStatus);
        AnsweredAtUtc = nowUtc;
        if (ReceivedAtUtc is null)
            State = ChargingProfileRequestState.Failed;
    }

    /// <summary>
    /// A passing failure (network, timeout, 408/429/5xx, open circuit): back in the queue after
    /// <see cref="FirstRetryDelay"/>, doubled per earlier attempt, or failed for good after <see cref="MaxAttempts"/>.
    /// </summary>
    public void FailForNow(string error, string? requestId, int? httpStatus, int? ocpiStatus, DateTime nowUtc)
    {
        if (!MayRetry)
        {
            Fail($"{error} (gave up after {Attempts} attempts)", requestId, httpStatus, ocpiStatus, nowUtc);
            return;
        }
        RecordFailure(error, requestId, httpStatus, ocpiStatus);
        NextAttemptAtUtc = nowUtc + FirstRetryDelay * Math.Pow(2, Math.Max(0, Attempts - 1));
        State = ChargingProfileRequestState.Queued;
    }

    private void RecordFailure(string error, string? requestId, int? httpStatus, int? ocpiStatus)
    {
        Version++;
        ClaimedUntilUtc = null;
        Error = error.Length > MaxError ? error[..MaxError] : error;
        CallRequestId = requestId;
        HttpStatus = httpStatus;
        OcpiStatus = ocpiStatus;
    }

    /// <summary>
    /// Records the callback once: false when a result is already recorded (a second POST changes nothing).
    /// A result after the timeout is recorded too, but the state stays NoResult: it did not come in time.
    /// </summary>
    public bool ReceiveResult(string result, string json, DateTime nowUtc)
    {
        if (ReceivedAtUtc is not null)
            return false;
        Version++;
        AsyncResult = result;
        ResultJson = json;
        ReceivedAtUtc = nowUtc;
        DelayMilliseconds = Math.Max(0, (long)(nowUtc - (AnsweredAtUtc ?? SentAtUtc ?? QueuedAtUtc)).TotalMilliseconds);
        if (State != ChargingProfileRequestState.NoResult)
            State = ChargingProfileRequestState.ResultReceived;
        return true;
    }

    /// <summary>An ACCEPTED answer whose timeout passed without a callback becomes NoResult (OCPI never retries).</summary>
    public bool ExpireIfDue(DateTime nowUtc)
    {
        if (State != ChargingProfileRequestState.Answered || ResultDueAtUtc is not { } due || due > nowUtc)
            return false;
        Version++;
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

    /// <summary>DELETE the profile; the callback is a ClearProfileResult.</summary>
    Clear,
}

public enum ChargingProfileRequestState
{
    /// <summary>Waiting for the job that delivers outgoing calls (first try, or again after a passing failure).</summary>
    Queued,

    /// <summary>The call is under way.</summary>
    Sending,

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
