using Portal.Domain.Common;

namespace Portal.Integration.Ocpi.Connections;

/// <summary>
/// A partner that talks OCPI with the portal. The token it calls us with is kept only as a
/// SHA-256 hash, so a database leak does not hand out working credentials.
/// </summary>
public sealed class OcpiConnection
{
    private OcpiConnection() { }

    public Guid Id { get; private set; }

    /// <summary>ISO 3166-1 alpha-2, upper case.</summary>
    public string CountryCode { get; private set; } = "";

    /// <summary>The partner's OCPI party id, upper case.</summary>
    public string PartyId { get; private set; } = "";
    public string Name { get; private set; } = "";
    public OcpiConnectionRole Role { get; private set; }
    public OcpiConnectionStatus Status { get; private set; }

    /// <summary>Lower-case hex SHA-256 of the token the partner sends us.</summary>
    public string IncomingTokenHash { get; private set; } = "";
    public DateTime CreatedAtUtc { get; private set; }
    public DateTime UpdatedAtUtc { get; private set; }

    public static OcpiConnection RegisterCpo(string countryCode, string partyId, string name, string incomingTokenHash, DateTime nowUtc)
    {
        var country = (countryCode ?? "").Trim().ToUpperInvariant();
        var party = (partyId ?? "").Trim().ToUpperInvariant();
        if (country.Length != 2 || !country.All(char.IsAsciiLetterUpper))
            throw new DomainRuleViolated("An OCPI country code is two letters.");
        if (party.Length != 3 || !party.All(char.IsAsciiLetterOrDigit))
            throw new DomainRuleViolated("An OCPI party id is three letters or digits.");
        if (string.IsNullOrWhiteSpace(name))
            throw new DomainRuleViolated("An OCPI connection needs a name.");
        return new OcpiConnection
        {
            Id = Guid.NewGuid(),
            CountryCode = country,
            PartyId = party,
            Name = name.Trim(),
            Role = OcpiConnectionRole.Cpo,
            // Pending until the partner first reaches us with its token.
            Status = OcpiConnectionStatus.Pending,
            IncomingTokenHash = incomingTokenHash,
            CreatedAtUtc = nowUtc,
            UpdatedAtUtc = nowUtc,
        };
    }

    public bool IsParty(string countryCode, string partyId) =>
        string.Equals(CountryCode, countryCode, StringComparison.OrdinalIgnoreCase)
        && string.Equals(PartyId, partyId, StringComparison.OrdinalIgnoreCase);

    /// <summary>The partner called us with a valid token: a pending or failing connection works now.</summary>
    public void MarkReached(DateTime nowUtc)
    {
        if (Status is OcpiConnectionStatus.Connected or OcpiConnectionStatus.Revoked)
            return;
        Status = OcpiConnectionStatus.Connected;
        UpdatedAtUtc = nowUtc;
    }
}

public enum OcpiConnectionRole
{
    Cpo,
}

public enum OcpiConnectionStatus
{
    Pending,
    Connected,
    Failing,
    Revoked,
}
