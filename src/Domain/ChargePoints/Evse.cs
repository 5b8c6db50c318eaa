namespace Portal.Domain.ChargePoints;

/// <summary>One EVSE (a socket or cable that can charge one car at a time) of a location.</summary>
public sealed class Evse
{
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

    internal static Evse Create(EvseDetails details) => new()
    {
        Uid = details.Uid,
        EvseId = details.EvseId,
        Status = details.Status,
        ConnectorCount = details.ConnectorCount,
        ConnectorStandards = string.Join(';', details.ConnectorStandards),
        PowerType = details.PowerType,
        MaxPowerWatts = details.MaxPowerWatts,
        LastUpdatedUtc = details.LastUpdatedUtc,
    };

    internal void Update(EvseDetails details)
    {
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
    DateTime? LastUpdatedUtc);
