namespace Portal.Integration.Ocpi.Receiving;

/// <summary>
/// The last full OCPI Location we hold for a source id, EVSEs and connectors included. PATCHes and
/// EVSE/Connector PUTs are merged into it, and last_updated checks compare against it.
/// </summary>
public sealed class OcpiLocationSnapshot
{
    private OcpiLocationSnapshot() { }

    /// <summary>CC*PARTY*LOCATION, upper case: the same key as the charge location's source id.</summary>
    public string LocationSourceId { get; private set; } = "";
    public Guid ConnectionId { get; private set; }
    public string RawJson { get; private set; } = "";
    public DateTime LastUpdatedUtc { get; private set; }
    public DateTime ReceivedAtUtc { get; private set; }

    /// <summary>When a pull from the CPO last listed this location; a full pull reconciles the ones it did not list.</summary>
    public DateTime? LastListedAtUtc { get; private set; }

    /// <summary>
    /// How many data-quality findings of this location are open: zero for a valid one, so storing it again
    /// needs no look at the findings.
    /// </summary>
    public int OpenFindings { get; private set; }

    public static OcpiLocationSnapshot Create(string locationSourceId, Guid connectionId) => new()
    {
        LocationSourceId = locationSourceId,
        ConnectionId = connectionId,
    };

    public void Replace(string rawJson, DateTime lastUpdatedUtc, DateTime receivedAtUtc)
    {
        RawJson = rawJson;
        LastUpdatedUtc = lastUpdatedUtc;
        ReceivedAtUtc = receivedAtUtc;
    }

    public void RecordFindings(int open) => OpenFindings = open;

    /// <summary>A pull listed this location at <paramref name="atUtc"/>.</summary>
    public void Listed(DateTime atUtc) => LastListedAtUtc = atUtc;
}
