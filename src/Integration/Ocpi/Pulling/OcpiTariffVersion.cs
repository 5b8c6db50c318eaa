namespace Portal.Integration.Ocpi.Pulling;

/// <summary>
/// One version of a CPO's tariff: every last_updated is kept with the raw object, so a session can
/// later be priced with the tariff that applied then.
/// </summary>
public sealed class OcpiTariffVersion
{
    private OcpiTariffVersion() { }

    public long Id { get; private set; }
    public Guid ConnectionId { get; private set; }

    /// <summary>COUNTRY*PARTY*ID in upper case: ids are CiStrings, unique per party.</summary>
    public string Key { get; private set; } = "";
    public string TariffId { get; private set; } = "";
    public string CountryCode { get; private set; } = "";
    public string PartyId { get; private set; } = "";
    public string Currency { get; private set; } = "";
    public string? Type { get; private set; }
    public DateTime? StartUtc { get; private set; }
    public DateTime? EndUtc { get; private set; }

    /// <summary>last_updated: the version.</summary>
    public DateTime LastUpdatedUtc { get; private set; }
    public string RawJson { get; private set; } = "";
    public DateTime ReceivedAtUtc { get; private set; }

    public static OcpiTariffVersion Create(Guid connectionId, string key, Contracts.Tariff tariff, DateTime lastUpdatedUtc, string rawJson, DateTime receivedAtUtc)
    {
        ArgumentNullException.ThrowIfNull(tariff);
        return new()
        {
            ConnectionId = connectionId,
            Key = key,
            TariffId = tariff.Id,
            CountryCode = tariff.CountryCode,
            PartyId = tariff.PartyId,
            Currency = tariff.Currency,
            Type = tariff.Type,
            StartUtc = tariff.StartDateTime,
            EndUtc = tariff.EndDateTime,
            LastUpdatedUtc = lastUpdatedUtc,
            RawJson = rawJson,
            ReceivedAtUtc = receivedAtUtc,
        };
    }
}
