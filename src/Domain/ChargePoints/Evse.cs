namespace Portal.Domain.ChargePoints;

/// <summary>One EVSE (a socket or cable that can charge one car at a time) of a location.</summary>
public sealed class Evse
{
    private readonly List<Connector> _connectors = [];

    private Evse() { }

    public long Id { get; private set; }
    public Guid LocationId { get; private set; }
    public string Uid { get; private set; } = "";
    public string? EvseId { get; private set; }
    public EvseStatus Status { get; private set; }
    public int ConnectorCount { get; private set; }
    public string ConnectorStandards { get; private set; } = "";
    public PowerType PowerType { get; private set; }
    public int? MaxPowerWatts { get; private set; }
    public DateTime? LastUpdatedUtc { get; private set; }
    public IReadOnlyList<Connector> Connectors => _connectors;

    internal static Evse Create(EvseDetails details)
    {
        var evse = new Evse { Uid = details.Uid };
        evse.Update(details);
        return evse;
    }

    internal void Update(EvseDetails details)
    {
        foreach (var connector in details.Connectors)
        {
            var existing = _connectors.FirstOrDefault(c => c.ConnectorId == connector.ConnectorId);
            if (existing is null)
                _connectors.Add(Connector.Create(connector));
            else
                existing.Update(connector);
        }
        // A source that lists connectors lists all of them: the ones it no longer names are gone.
        if (details.Connectors.Count > 0)
            _connectors.RemoveAll(c => details.Connectors.All(d => d.ConnectorId != c.ConnectorId));
        EvseId = details.EvseId;
        Status = details.Status;
        ConnectorCount = details.ConnectorCount;
        ConnectorStandards = string.Join(';', details.ConnectorStandards);
        PowerType = details.PowerType;
        MaxPowerWatts = details.MaxPowerWatts;
        LastUpdatedUtc = details.LastUpdatedUtc;
    }
}

/// <summary>What a source (an import file, later OCPI) says about one EVSE.</summary>
public sealed record EvseDetails(
    string Uid,
    string? EvseId,
    EvseStatus Status,
    int ConnectorCount,
    IReadOnlyList<string> ConnectorStandards,
    PowerType PowerType,
    int? MaxPowerWatts,
    DateTime? LastUpdatedUtc)
{
    /// <summary>The EVSE's connectors when the source lists them; empty when it only gives counts and standards.</summary>
    public IReadOnlyList<ConnectorDetails> Connectors { get; init; } = [];
}
