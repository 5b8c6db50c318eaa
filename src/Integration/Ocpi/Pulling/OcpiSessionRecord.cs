namespace Portal.Integration.Ocpi.Pulling;

/// <summary>A charging session as a CPO reported it, with what usage reports need.</summary>
public sealed class OcpiSessionRecord : OcpiChargingRecord, IOcpiKeyedRecord<Contracts.Session>
{
    private OcpiSessionRecord() { }

    public string SessionId { get; private set; } = "";
    public DateTime? EndUtc { get; private set; }
    public decimal Kwh { get; private set; }
    public string Status { get; private set; } = "";

    public static OcpiSessionRecord Create(Guid connectionId, string key) => Identified(new OcpiSessionRecord(), connectionId, key);

    public void Apply(Contracts.Session value, string chargingPeriodsJson, DateTime lastUpdatedUtc, DateTime receivedAtUtc)
    {
        ArgumentNullException.ThrowIfNull(value);
        Received(value.CountryCode, value.PartyId, chargingPeriodsJson, lastUpdatedUtc, receivedAtUtc);
        SessionId = value.Id;
        At(value.StartDateTime ?? lastUpdatedUtc, value.LocationId, value.EvseUid, value.ConnectorId, value.Currency, value.TotalCost);
        EndUtc = value.EndDateTime;
        Kwh = value.Kwh ?? 0;
        Status = value.Status;
    }
}
