namespace Portal.Integration.Ocpi.Receiving;

/// <summary>
/// One observation of an EVSE's status, kept append-only so uptime can be recomputed from raw data:
/// when it happened (the object's last_updated), when we heard it, how, and the rest of the EVSE object
/// as it was then (<see cref="OcpiEvseVersion"/>, stored once per distinct version).
/// </summary>
public sealed class EvseStatusEvent
{
    private EvseStatusEvent() { }

    public long Id { get; private set; }

    /// <summary>The charge location's source id (CC*PARTY*LOCATION, upper case).</summary>
    public string LocationSourceId { get; private set; } = "";
    public string EvseUid { get; private set; } = "";

    /// <summary>The OCPI status as sent, e.g. CHARGING.</summary>
    public string Status { get; private set; } = "";
    public DateTime OccurredAtUtc { get; private set; }
    public DateTime ReceivedAtUtc { get; private set; }
    public EvseStatusSource Source { get; private set; }

    /// <summary>The <see cref="OcpiEvseVersion"/> of the EVSE object this status came with.</summary>
    public string EvseVersionHash { get; private set; } = "";

    public static EvseStatusEvent Observe(string locationSourceId, string evseUid, string status, DateTime occurredAtUtc, DateTime receivedAtUtc, EvseStatusSource source, string evseVersionHash) => new()
    {
        LocationSourceId = locationSourceId,
        EvseUid = evseUid,
        Status = status,
        OccurredAtUtc = occurredAtUtc,
        ReceivedAtUtc = receivedAtUtc,
        Source = source,
        EvseVersionHash = evseVersionHash,
    };
}

public enum EvseStatusSource
{
    Push,
    IncrementalPull,
    FullPull,
}
