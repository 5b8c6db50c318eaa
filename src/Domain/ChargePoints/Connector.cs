namespace Portal.Domain.ChargePoints;

/// <summary>One connector of an EVSE: the plug a driver uses (OCPI Connector).</summary>
public sealed class Connector
{
    private Connector() { }

    public long Id { get; private set; }
    public long EvseKey { get; private set; }

    /// <summary>The connector's id within its EVSE, as the operator numbers it ("1", "2").</summary>
    public string ConnectorId { get; private set; } = "";

    /// <summary>OCPI ConnectorType, e.g. IEC_62196_T2 (Type 2) or IEC_62196_T2_COMBO (CCS2).</summary>
    public string Standard { get; private set; } = "";

    public ConnectorFormat Format { get; private set; }
    public PowerType PowerType { get; private set; }
    public int? MaxPowerWatts { get; private set; }

    internal static Connector Create(ConnectorDetails details) => new()
    {
        ConnectorId = details.ConnectorId,
        Standard = details.Standard,
        Format = details.Format,
        PowerType = details.PowerType,
        MaxPowerWatts = details.MaxPowerWatts,
    };

    internal void Update(ConnectorDetails details)
    {
        Standard = details.Standard;
        Format = details.Format;
        PowerType = details.PowerType;
        MaxPowerWatts = details.MaxPowerWatts;
    }
}

public sealed record ConnectorDetails(string ConnectorId, string Standard, ConnectorFormat Format, PowerType PowerType, int? MaxPowerWatts);
