namespace Portal.Integration.Ocpi.Pulling;

/// <summary>
/// A charging session as a CPO reported it, with what usage reports need. Deliberately without
/// cdr_token, auth_method and authorization_reference: the portal is not the driver's eMSP.
/// </summary>
public sealed class OcpiSessionRecord
{
    private OcpiSessionRecord() { }

    public long Id { get; private set; }
    public Guid ConnectionId { get; private set; }

    /// <summary>COUNTRY*PARTY*ID in upper case: ids are CiStrings, unique per party.</summary>
    public string Key { get; private set; } = "";
    public string SessionId { get; private set; } = "";
    public string CountryCode { get; private set; } = "";
    public string PartyId { get; private set; } = "";
    public DateTime StartUtc { get; private set; }
    public DateTime? EndUtc { get; private set; }
    public decimal Kwh { get; private set; }
    public string Status { get; private set; } = "";
    public string LocationId { get; private set; } = "";
    public string EvseUid { get; private set; } = "";
    public string ConnectorId { get; private set; } = "";
    public string Currency { get; private set; } = "";
    public decimal? TotalCostExclVat { get; private set; }
    public decimal? TotalCostInclVat { get; private set; }

    /// <summary>The charging periods as OCPI JSON.</summary>
    public string ChargingPeriodsJson { get; private set; } = "[]";
    public DateTime LastUpdatedUtc { get; private set; }
    public DateTime ReceivedAtUtc { get; private set; }

    public static OcpiSessionRecord Create(Guid connectionId, string key) => new() { ConnectionId = connectionId, Key = key };

    public void Apply(Contracts.Session session, string chargingPeriodsJson, DateTime lastUpdatedUtc, DateTime receivedAtUtc)
    {
        ArgumentNullException.ThrowIfNull(session);
        SessionId = session.Id;
        CountryCode = session.CountryCode;
        PartyId = session.PartyId;
        StartUtc = session.StartDateTime ?? lastUpdatedUtc;
        EndUtc = session.EndDateTime;
        Kwh = session.Kwh ?? 0;
        Status = session.Status;
        LocationId = session.LocationId;
        EvseUid = session.EvseUid;
        ConnectorId = session.ConnectorId;
        Currency = session.Currency;
        TotalCostExclVat = session.TotalCost?.ExclVat;
        TotalCostInclVat = session.TotalCost?.InclVat;
        ChargingPeriodsJson = chargingPeriodsJson;
        LastUpdatedUtc = lastUpdatedUtc;
        ReceivedAtUtc = receivedAtUtc;
    }
}
