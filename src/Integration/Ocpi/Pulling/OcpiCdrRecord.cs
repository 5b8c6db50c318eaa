namespace Portal.Integration.Ocpi.Pulling;

/// <summary>
/// A charge detail record as the CPO sent it, with what usage reports need. CDRs are immutable: a
/// correction comes as a credit CDR with its own id.
/// </summary>
public sealed class OcpiCdrRecord : OcpiChargingRecord, IOcpiKeyedRecord<Contracts.Cdr>
{
    private OcpiCdrRecord() { }

    public string CdrId { get; private set; } = "";
    public DateTime EndUtc { get; private set; }
    public string? SessionId { get; private set; }
    public string? EvseId { get; private set; }
    public decimal TotalEnergyKwh { get; private set; }
    public decimal? TotalTimeHours { get; private set; }
    public decimal? TotalParkingTimeHours { get; private set; }
    public bool Credit { get; private set; }
    public string? CreditReferenceId { get; private set; }

    public static OcpiCdrRecord Create(Guid connectionId, string key) => Identified(new OcpiCdrRecord(), connectionId, key);

    public void Apply(Contracts.Cdr value, string chargingPeriodsJson, DateTime lastUpdatedUtc, DateTime receivedAtUtc)
    {
        ArgumentNullException.ThrowIfNull(value);
        Received(value.CountryCode, value.PartyId, chargingPeriodsJson, lastUpdatedUtc, receivedAtUtc);
        CdrId = value.Id;
        At(value.StartDateTime ?? lastUpdatedUtc, value.CdrLocation?.Id ?? "", value.CdrLocation?.EvseUid ?? "", value.CdrLocation?.ConnectorId ?? "", value.Currency, value.TotalCost);
        EndUtc = value.EndDateTime ?? StartUtc;
        SessionId = value.SessionId;
        EvseId = value.CdrLocation?.EvseId;
        TotalEnergyKwh = value.TotalEnergy ?? 0;
        TotalTimeHours = value.TotalTime;
        TotalParkingTimeHours = value.TotalParkingTime;
        Credit = value.Credit == true;
        CreditReferenceId = value.CreditReferenceId;
    }
}
