namespace Portal.Integration.Ocpi.Pulling;

/// <summary>
/// A charge detail record as the CPO sent it, with what usage reports need; without cdr_token and
/// authorisation details (the portal is not the driver's eMSP). CDRs are immutable: a correction
/// comes as a credit CDR with its own id.
/// </summary>
public sealed class OcpiCdrRecord
{
    private OcpiCdrRecord() { }

    public long Id { get; private set; }
    public Guid ConnectionId { get; private set; }

    /// <summary>COUNTRY*PARTY*ID in upper case: ids are CiStrings, unique per party.</summary>
    public string Key { get; private set; } = "";
    public string CdrId { get; private set; } = "";
    public string CountryCode { get; private set; } = "";
    public string PartyId { get; private set; } = "";
    public DateTime StartUtc { get; private set; }
    public DateTime EndUtc { get; private set; }
    public string? SessionId { get; private set; }
    public string LocationId { get; private set; } = "";
    public string EvseUid { get; private set; } = "";
    public string? EvseId { get; private set; }
    public string ConnectorId { get; private set; } = "";
    public string Currency { get; private set; } = "";
    public decimal TotalEnergyKwh { get; private set; }
    public decimal? TotalTimeHours { get; private set; }
    public decimal? TotalParkingTimeHours { get; private set; }
    public decimal? TotalCostExclVat { get; private set; }
    public decimal? TotalCostInclVat { get; private set; }
    public bool Credit { get; private set; }
    public string? CreditReferenceId { get; private set; }
    public string ChargingPeriodsJson { get; private set; } = "[]";
    public DateTime LastUpdatedUtc { get; private set; }
    public DateTime ReceivedAtUtc { get; private set; }

    public static OcpiCdrRecord Create(Guid connectionId, string key) => new() { ConnectionId = connectionId, Key = key };

    public void Apply(Contracts.Cdr cdr, string chargingPeriodsJson, DateTime lastUpdatedUtc, DateTime receivedAtUtc)
    {
        ArgumentNullException.ThrowIfNull(cdr);
        CdrId = cdr.Id;
        CountryCode = cdr.CountryCode;
        PartyId = cdr.PartyId;
        StartUtc = cdr.StartDateTime ?? lastUpdatedUtc;
        EndUtc = cdr.EndDateTime ?? StartUtc;
        SessionId = cdr.SessionId;
        LocationId = cdr.CdrLocation?.Id ?? "";
        EvseUid = cdr.CdrLocation?.EvseUid ?? "";
        EvseId = cdr.CdrLocation?.EvseId;
        ConnectorId = cdr.CdrLocation?.ConnectorId ?? "";
        Currency = cdr.Currency;
        TotalEnergyKwh = cdr.TotalEnergy ?? 0;
        TotalTimeHours = cdr.TotalTime;
        TotalParkingTimeHours = cdr.TotalParkingTime;
        TotalCostExclVat = cdr.TotalCost?.ExclVat;
        TotalCostInclVat = cdr.TotalCost?.InclVat;
        Credit = cdr.Credit == true;
        CreditReferenceId = cdr.CreditReferenceId;
        ChargingPeriodsJson = chargingPeriodsJson;
        LastUpdatedUtc = lastUpdatedUtc;
        ReceivedAtUtc = receivedAtUtc;
    }
}
