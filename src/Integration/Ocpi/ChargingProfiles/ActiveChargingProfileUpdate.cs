namespace Portal.Integration.Ocpi.ChargingProfiles;

/// <summary>
/// One ActiveChargingProfile the CPO pushed to the portal's Sender interface (NOTES 8.2, PUT
/// {chargingprofiles}/{session_id}) because the profile in force for a session changed. Append-only:
/// the smart-charging audit reads what the CPO said was in force and when, as it was received.
/// </summary>
public sealed class ActiveChargingProfileUpdate
{
    /// <summary>A profile with hundreds of periods stays far below this; a larger body is refused rather than stored.</summary>
    public const int MaxJson = 65_536;
    public const int MaxRequestId = 100;

    private ActiveChargingProfileUpdate() { }

    public long Id { get; private set; }
    public Guid ConnectionId { get; private set; }
    public string SessionId { get; private set; } = "";

    /// <summary>The ActiveChargingProfile's start_date_time: when the charger computed it; periods count from it.</summary>
    public DateTime StartDateTimeUtc { get; private set; }

    /// <summary>W or A.</summary>
    public string ChargingRateUnit { get; private set; } = "";

    /// <summary>The limit of the period that starts at offset 0 (in force at the start); null when no period does.</summary>
    public decimal? LimitAtStart { get; private set; }

    /// <summary>The body as received.</summary>
    public string RawJson { get; private set; } = "";

    /// <summary>SHA-256 (hex) of the body in compact form: with the connection, session and start it makes a repeated push a duplicate.</summary>
    public string JsonHash { get; private set; } = "";
    public DateTime ReceivedAtUtc { get; private set; }

    /// <summary>The X-Request-ID of the CPO's PUT.</summary>
    public string? RequestId { get; private set; }

    public static ActiveChargingProfileUpdate Receive(
        Guid connectionId, string sessionId, DateTime startDateTimeUtc, string chargingRateUnit, decimal? limitAtStart,
        string rawJson, string jsonHash, DateTime receivedAtUtc, string? requestId) => new()
    {
        ConnectionId = connectionId,
        SessionId = sessionId,
        StartDateTimeUtc = startDateTimeUtc,
        ChargingRateUnit = chargingRateUnit,
        LimitAtStart = limitAtStart,
        RawJson = rawJson,
        JsonHash = jsonHash,
        ReceivedAtUtc = receivedAtUtc,
        RequestId = requestId,
    };
}
