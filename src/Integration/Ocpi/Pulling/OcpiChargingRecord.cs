namespace Portal.Integration.Ocpi.Pulling;

/// <summary>
/// What a pulled session and a CDR share: their key, where the charging happened, the cost, the
/// charging periods as sent and when the CPO last changed them. Without cdr_token, auth_method and
/// authorisation details: the portal is not the driver's eMSP.
/// </summary>
public abstract class OcpiChargingRecord
{
    public long Id { get; private set; }
    public Guid ConnectionId { get; private set; }

    /// <summary>COUNTRY*PARTY*ID in upper case: ids are CiStrings, unique per party.</summary>
    public string Key { get; private set; } = "";
    public string CountryCode { get; private set; } = "";
    public string PartyId { get; private set; } = "";
    public DateTime StartUtc { get; private set; }
    public string LocationId { get; private set; } = "";
    public string EvseUid { get; private set; } = "";
    public string ConnectorId { get; private set; } = "";
    public string Currency { get; private set; } = "";
    public decimal? TotalCostExclVat { get; private set; }
    public decimal? TotalCostInclVat { get; private set; }

    /// <summary>The charging periods as OCPI JSON, as sent.</summary>
    public string ChargingPeriodsJson { get; private set; } = "[]";
    public DateTime LastUpdatedUtc { get; private set; }
    public DateTime ReceivedAtUtc { get; private set; }

    protected static T Identified<T>(T record, Guid connectionId, string key)
        where T : OcpiChargingRecord
    {
        ArgumentNullException.ThrowIfNull(record);
        record.ConnectionId = connectionId;
        record.Key = key;
        return record;
    }

    /// <summary>Where the charging happened and what it cost.</summary>
    protected void At(DateTime startUtc, string locationId, string evseUid, string connectorId, string currency, Contracts.Price? totalCost)
    {
        StartUtc = startUtc;
        LocationId = locationId;
        EvseUid = evseUid;
        ConnectorId = connectorId;
        Currency = currency;
        TotalCostExclVat = totalCost?.ExclVat;
        TotalCostInclVat = totalCost?.InclVat;
    }

    protected void Received(string countryCode, string partyId, string chargingPeriodsJson, DateTime lastUpdatedUtc, DateTime receivedAtUtc)
    {
        CountryCode = countryCode;
        PartyId = partyId;
        ChargingPeriodsJson = chargingPeriodsJson;
        LastUpdatedUtc = lastUpdatedUtc;
        ReceivedAtUtc = receivedAtUtc;
    }
}

/// <summary>A pulled object stored as one row per key, replaced when a newer last_updated comes.</summary>
public interface IOcpiKeyedRecord<in TWire>
{
    DateTime LastUpdatedUtc { get; }

    void Apply(TWire value, string chargingPeriodsJson, DateTime lastUpdatedUtc, DateTime receivedAtUtc);
}
