namespace Portal.Integration.Audits;

/// <summary>
/// An entry of an EVSE's OCPI <c>status_schedule</c> (uptime metric input I4), with the first time the portal is known
/// to have held it: read from the stored Location JSON, dated no earlier than the snapshot that held it was received
/// (so never earlier than the truth, which the 5-working-day notice of E5 depends on). One row per entry, never changed.
/// </summary>
public sealed class StatusScheduleSighting
{
    public const int MaxIdLength = 36, MaxStatusLength = 20;

    private StatusScheduleSighting() { }

    public long Id { get; private set; }
    public Guid ConnectionId { get; private set; }
    public string LocationSourceId { get; private set; } = "";
    public string EvseUid { get; private set; } = "";
    public DateTime BeginUtc { get; private set; }
    public DateTime? EndUtc { get; private set; }
    public string Status { get; private set; } = "";
    public DateTime FirstSeenAtUtc { get; private set; }

    public static StatusScheduleSighting Of(Guid connectionId, string locationSourceId, string evseUid, DateTime beginUtc, DateTime? endUtc, string status, DateTime firstSeenAtUtc) => new()
    {
        ConnectionId = connectionId,
        LocationSourceId = locationSourceId,
        EvseUid = evseUid,
        BeginUtc = beginUtc,
        EndUtc = endUtc,
        Status = status.Length <= MaxStatusLength ? status : status[..MaxStatusLength],
        FirstSeenAtUtc = firstSeenAtUtc,
    };
}
