namespace Portal.Domain.Audits.SmartCharging;

/// <summary>The OCPI 2.2.1 answers the test counts: ChargingProfileResponseType (synchronous) and ChargingProfileResultType (the callback).</summary>
public static class SmartChargingAnswers
{
    public const string Accepted = "ACCEPTED", NotSupported = "NOT_SUPPORTED", Rejected = "REJECTED", TooOften = "TOO_OFTEN", UnknownSession = "UNKNOWN_SESSION";
    public const string Unknown = "UNKNOWN";

    public static readonly IReadOnlyList<string> Responses = [Accepted, NotSupported, Rejected, TooOften, UnknownSession];
    public static readonly IReadOnlyList<string> Results = [Accepted, Rejected, Unknown];
}

/// <summary>The outcome of the test for an EVSE, a requirement or a run (stored by name).</summary>
public enum SmartChargingVerdict
{
    Pass,
    Fail,

    /// <summary>Nothing to judge by: the session ended before the profile reached it, or no CDR measured the power.</summary>
    Inconclusive,
}

/// <summary>What the test observed for one sampled EVSE: its declared capability, the answers (null: none came) and the power measured.</summary>
public sealed record EvseObservation(bool Capable, string? SyncAnswer, string? AsyncResult, long? LatencyMilliseconds, decimal? MeasuredMaxKw, bool? Adhered)
{
    /// <summary>The CPO took the profile: ACCEPTED both as answer and as result.</summary>
    public bool Controlled => SyncAnswer == SmartChargingAnswers.Accepted && AsyncResult == SmartChargingAnswers.Accepted;

    /// <summary>The session was gone when the profile arrived: not the CPO's failing.</summary>
    public bool SessionGone => SyncAnswer == SmartChargingAnswers.UnknownSession;

    /// <summary>Remote control failed: not capable, or an answer or result other than ACCEPTED (none counts as unanswered).</summary>
    public bool ControlFailed => !Capable || (!SessionGone && !Controlled);

    public SmartChargingVerdict Verdict =>
        ControlFailed || Adhered == false ? SmartChargingVerdict.Fail
        : SessionGone || Adhered is null ? SmartChargingVerdict.Inconclusive
        : SmartChargingVerdict.Pass;
}
