using Portal.Domain.Common;

namespace Portal.Integration.Ocpi.Connections;

/// <summary>
/// A partner that talks OCPI with the portal. The token it calls us with is kept only as a
/// SHA-256 hash, so a database leak does not hand out working credentials.
/// </summary>
public sealed class OcpiConnection
{
    private OcpiConnection() { }

    public const int MaxNameLength = 100;

    public Guid Id { get; private set; }

    /// <summary>ISO 3166-1 alpha-2, upper case.</summary>
    public string CountryCode { get; private set; } = "";

    /// <summary>The partner's OCPI party id, upper case.</summary>
    public string PartyId { get; private set; } = "";
    public string Name { get; private set; } = "";
    public OcpiConnectionRole Role { get; private set; }
    public OcpiConnectionStatus Status { get; private set; }

    /// <summary>
    /// Lower-case hex SHA-256 of the token the partner sends us (token C after the credentials
    /// handshake). Null while only a token A exists, and after revocation.
    /// </summary>
    public string? IncomingTokenHash { get; private set; }

    /// <summary>
    /// Lower-case hex SHA-256 of the CREDENTIALS_TOKEN_A we issued for the registration; null once
    /// the partner has registered (token A is then discarded) or when none was issued.
    /// </summary>
    public string? TokenAHash { get; private set; }

    /// <summary>The partner's versions URL, from its credentials (for pulling later).</summary>
    public string? PartnerVersionsUrl { get; private set; }

    /// <summary>The partner's token (token B: the one we call it with), encrypted with Data Protection; never in clear.</summary>
    public string? PartnerTokenProtected { get; private set; }

    /// <summary>The partner's credentials roles as OCPI JSON.</summary>
    public string? PartnerRolesJson { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }
    public DateTime UpdatedAtUtc { get; private set; }
    public DateTime? LastReachedAtUtc { get; private set; }

    /// <summary>True when the portal registered with the CPO (the admin entered the CPO's token A), false when the CPO registered with us.</summary>
    public bool RegisteredByPortal { get; private set; }

    /// <summary>The partner's versions list as OCPI JSON, from the last discovery.</summary>
    public string? PartnerVersionsJson { get; private set; }

    /// <summary>The OCPI version chosen from that list (2.2.1), with the details URL it came with.</summary>
    public string? PartnerVersion { get; private set; }
    public string? PartnerVersionDetailsUrl { get; private set; }
    public DateTime? DiscoveredAtUtc { get; private set; }

    /// <summary>The last failed call to the partner: what went wrong, its X-Request-ID and when.</summary>
    public string? LastError { get; private set; }
    public string? LastErrorRequestId { get; private set; }
    public DateTime? LastErrorAtUtc { get; private set; }

    /// <summary>
    /// Strict: an object that deviates from OCPI in any way is refused, as an unusable one is. Lenient (the
    /// default): a deviation whose meaning is clear is stored and recorded as a data-quality finding.
    /// Pushes and pulls on this connection alike.
    /// </summary>
    public bool StrictValidation { get; private set; }

    /// <summary>True while the partner still has to POST its credentials with token A.</summary>
    public bool AwaitsRegistration => TokenAHash is not null && Status != OcpiConnectionStatus.Revoked;

    public static OcpiConnection RegisterCpo(string countryCode, string partyId, string name, string incomingTokenHash, DateTime nowUtc)
    {
        var connection = NewCpo(countryCode, partyId, name, nowUtc);
        connection.IncomingTokenHash = incomingTokenHash;
        return connection;
    }

    /// <summary>A CPO that will register itself over OCPI with the token A we issue (NOTES 3, handshake).</summary>
    public static OcpiConnection IssueTokenA(string countryCode, string partyId, string name, string tokenAHash, DateTime nowUtc)
    {
        var connection = NewCpo(countryCode, partyId, name, nowUtc);
        connection.TokenAHash = tokenAHash;
        return connection;
    }

    private static OcpiConnection NewCpo(string countryCode, string partyId, string name, DateTime nowUtc)
    {
        var country = (countryCode ?? "").Trim().ToUpperInvariant();
        var party = (partyId ?? "").Trim().ToUpperInvariant();
        if (country.Length != 2 || !country.All(char.IsAsciiLetterUpper))
            throw new DomainRuleViolated("An OCPI country code is two letters.");
        if (party.Length != 3 || !party.All(char.IsAsciiLetterOrDigit))
            throw new DomainRuleViolated("An OCPI party id is three letters or digits.");
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > MaxNameLength)
            throw new DomainRuleViolated("An OCPI connection needs a name of at most 100 characters.");
        return new OcpiConnection
        {
            Id = Guid.NewGuid(),
            CountryCode = country,
            PartyId = party,
            Name = name.Trim(),
            Role = OcpiConnectionRole.Cpo,
            // Pending until the partner first reaches us with its token.
            Status = OcpiConnectionStatus.Pending,
            CreatedAtUtc = nowUtc,
            UpdatedAtUtc = nowUtc,
        };
    }

    /// <summary>
    /// The portal registers with a CPO from the token A an admin entered: the connection exists (pending)
    /// only once the CPO has accepted our credentials, see <see cref="CompleteOutgoingRegistration"/>.
    /// </summary>
    public static OcpiConnection StartOutgoingRegistration(string countryCode, string partyId, string name, string versionsUrl, DateTime nowUtc)
    {
        var connection = NewCpo(countryCode, partyId, name, nowUtc);
        connection.RegisteredByPortal = true;
        connection.PartnerVersionsUrl = versionsUrl;
        return connection;
    }

    /// <summary>
    /// The CPO answered our credentials POST: it calls us with the token whose hash we keep, and we call it
    /// with the token it returned (protected).
    /// </summary>
    public void CompleteOutgoingRegistration(string incomingTokenHash, PartnerCredentials partner, DateTime nowUtc)
    {
        if (!RegisteredByPortal || Status == OcpiConnectionStatus.Revoked)
            throw new DomainRuleViolated("Only a registration the portal started can be completed this way.");
        IncomingTokenHash = incomingTokenHash;
        Store(partner);
        Status = OcpiConnectionStatus.Connected;
        UpdatedAtUtc = nowUtc;
    }

    /// <summary>What the partner's versions and version details said.</summary>
    public void RecordDiscovery(string versionsJson, string version, string detailsUrl, DateTime nowUtc)
    {
        PartnerVersionsJson = versionsJson;
        PartnerVersion = version;
        PartnerVersionDetailsUrl = detailsUrl;
        DiscoveredAtUtc = nowUtc;
        UpdatedAtUtc = nowUtc;
    }

    /// <summary>A call to the partner worked: a failing connection works again.</summary>
    public void MarkPartnerReachable(DateTime nowUtc)
    {
        if (Status == OcpiConnectionStatus.Failing)
        {
            Status = OcpiConnectionStatus.Connected;
            UpdatedAtUtc = nowUtc;
        }
    }

    /// <summary>
    /// A call to the partner failed. Only a refused token (401) makes the connection Failing; other errors
    /// are recorded for the admin but say nothing about the credentials. True when this call made the
    /// connection Failing (not when it already was), so the admins are told once per breakdown.
    /// </summary>
    public bool RecordError(string message, string? requestId, bool credentialsRefused, DateTime nowUtc)
    {
        LastError = message.Length > 1000 ? message[..1000] : message;
        LastErrorRequestId = requestId;
        LastErrorAtUtc = nowUtc;
        UpdatedAtUtc = nowUtc;
        if (!credentialsRefused || Status is not (OcpiConnectionStatus.Connected or OcpiConnectionStatus.Pending))
            return false;
        Status = OcpiConnectionStatus.Failing;
        return true;
    }

    public void SetStrictValidation(bool strict, DateTime nowUtc)
    {
        if (StrictValidation == strict)
            return;
        StrictValidation = strict;
        UpdatedAtUtc = nowUtc;
    }

    public bool IsParty(string countryCode, string partyId) =>
        string.Equals(CountryCode, countryCode, StringComparison.OrdinalIgnoreCase)
        && string.Equals(PartyId, partyId, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The partner called us with a valid token. With its own token a pending or failing connection
    /// works now; with token A it has only started registering.
    /// </summary>
    public void MarkReached(DateTime nowUtc, bool withTokenA = false)
    {
        LastReachedAtUtc = nowUtc;
        if (withTokenA || Status is OcpiConnectionStatus.Connected or OcpiConnectionStatus.Revoked)
            return;
        Status = OcpiConnectionStatus.Connected;
        UpdatedAtUtc = nowUtc;
    }

    /// <summary>
    /// The credentials POST with token A: token A is discarded, the partner calls us with token C
    /// from now on, and we keep its token B (protected), versions URL and roles.
    /// </summary>
    public void CompleteRegistration(string tokenCHash, PartnerCredentials partner, DateTime nowUtc)
    {
        if (!AwaitsRegistration)
            throw new DomainRuleViolated("This OCPI connection is not waiting for a registration.");
        TokenAHash = null;
        IncomingTokenHash = tokenCHash;
        Store(partner);
        Status = OcpiConnectionStatus.Connected;
        UpdatedAtUtc = nowUtc;
    }

    /// <summary>
    /// A new token A for a live connection whose partner lost its credentials (e.g. an in-memory peer
    /// that restarted): its old tokens stop working and it registers again, keeping this connection.
    /// </summary>
    public void ReissueTokenA(string tokenAHash, DateTime nowUtc)
    {
        if (Status == OcpiConnectionStatus.Revoked)
            throw new DomainRuleViolated("A revoked OCPI connection cannot register again; issue a new one.");
        TokenAHash = tokenAHash;
        IncomingTokenHash = null;
        Status = OcpiConnectionStatus.Pending;
        UpdatedAtUtc = nowUtc;
    }

    /// <summary>The credentials PUT: a new token C replaces the old one, and the partner's credentials are replaced.</summary>
    public void UpdateCredentials(string tokenCHash, PartnerCredentials partner, DateTime nowUtc)
    {
        if (AwaitsRegistration || Status == OcpiConnectionStatus.Revoked)
            throw new DomainRuleViolated("Only a registered OCPI connection can update its credentials.");
        UpdateCredentialsCore(tokenCHash, partner, nowUtc);
    }

    /// <summary>The portal rotated credentials with a PUT at the CPO: a new incoming token and the CPO's new token.</summary>
    public void RotateOutgoing(string incomingTokenHash, PartnerCredentials partner, DateTime nowUtc)
    {
        if (PartnerTokenProtected is null || Status == OcpiConnectionStatus.Revoked)
            throw new DomainRuleViolated("Only a registered OCPI connection can update its credentials.");
        UpdateCredentialsCore(incomingTokenHash, partner, nowUtc);
    }

    private void UpdateCredentialsCore(string tokenCHash, PartnerCredentials partner, DateTime nowUtc)
    {
        IncomingTokenHash = tokenCHash;
        Store(partner);
        Status = OcpiConnectionStatus.Connected;
        UpdatedAtUtc = nowUtc;
    }

    /// <summary>Unregistered (credentials DELETE) or revoked by an admin: no token works any more.</summary>
    public void Revoke(DateTime nowUtc)
    {
        Status = OcpiConnectionStatus.Revoked;
        TokenAHash = null;
        IncomingTokenHash = null;
        PartnerTokenProtected = null;
        UpdatedAtUtc = nowUtc;
    }

    private void Store(PartnerCredentials partner)
    {
        PartnerTokenProtected = partner.ProtectedToken;
        PartnerVersionsUrl = partner.VersionsUrl;
        PartnerRolesJson = partner.RolesJson;
    }
}

/// <summary>What the partner sent in its credentials, its token already protected.</summary>
public sealed record PartnerCredentials(string ProtectedToken, string VersionsUrl, string RolesJson);

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
