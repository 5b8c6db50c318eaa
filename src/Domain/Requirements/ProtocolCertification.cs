using Portal.Domain.Common;

namespace Portal.Domain.Requirements;

/// <summary>
/// An administrator's record that independent certification for a protocol version became available on a day (for
/// example OCPP 2.1, a major update). Records are never changed: a correction is a newer record for the same protocol
/// and version, a withdrawal one with <see cref="Withdrawn"/> set, so every record is history and the newest one counts.
/// </summary>
public sealed class ProtocolCertification
{
    public const int MaxProtocolLength = 40;
    public const int MaxVersionLength = 40;
    public const int MaxSourceLength = 500;

    private ProtocolCertification() { }

    public Guid Id { get; private set; }

    /// <summary>The protocol, as written (OCPP, OCPI, ISO 15118).</summary>
    public string Protocol { get; private set; } = "";

    /// <summary>The version, as written (2.1, 2.2.1, -20:2022).</summary>
    public string Version { get; private set; } = "";

    public ProtocolUpdateKind Kind { get; private set; }

    /// <summary>The (Dutch) day certification became available.</summary>
    public DateOnly AvailableOn { get; private set; }

    /// <summary>Where the date comes from (the certification body's announcement, a news item).</summary>
    public string SourceNote { get; private set; } = "";

    /// <summary>True on a record that takes the protocol version's earlier records back.</summary>
    public bool Withdrawn { get; private set; }

    public DateTime RecordedAtUtc { get; private set; }
    public string? RecordedByUserId { get; private set; }
    public string RecordedByName { get; private set; } = "";

    /// <exception cref="DomainRuleViolated">A field is missing or too long, or the day is after today.</exception>
    public static ProtocolCertification Record(
        string protocol, string version, ProtocolUpdateKind kind, DateOnly availableOn, string sourceNote,
        string? userId, string userName, DateTime nowUtc)
    {
        protocol = (protocol ?? "").Trim();
        version = (version ?? "").Trim();
        sourceNote = (sourceNote ?? "").Trim();
        if (protocol.Length == 0)
            throw new DomainRuleViolated(DomainRule.ProtocolMissing, "Say which protocol.");
        if (protocol.Length > MaxProtocolLength)
            throw new DomainRuleViolated(DomainRule.ProtocolTooLong, $"A protocol name has at most {MaxProtocolLength} characters.", MaxProtocolLength);
        if (version.Length == 0)
            throw new DomainRuleViolated(DomainRule.ProtocolVersionMissing, "Say which version of the protocol.");
        if (version.Length > MaxVersionLength)
            throw new DomainRuleViolated(DomainRule.ProtocolVersionTooLong, $"A protocol version has at most {MaxVersionLength} characters.", MaxVersionLength);
        if (!Enum.IsDefined(kind))
            throw new DomainRuleViolated($"Unknown update kind {kind}.");
        if (availableOn > DutchCalendar.Day(nowUtc))
            throw new DomainRuleViolated(DomainRule.CertificationAvailableInFuture, "Certification can only be recorded once it is available.", availableOn);
        if (sourceNote.Length == 0)
            throw new DomainRuleViolated(DomainRule.CertificationSourceMissing, "Say where the date comes from.");
        if (sourceNote.Length > MaxSourceLength)
            throw new DomainRuleViolated(DomainRule.CertificationSourceTooLong, $"A source note has at most {MaxSourceLength} characters.", MaxSourceLength);
        return new ProtocolCertification
        {
            Id = Guid.NewGuid(),
            Protocol = protocol,
            Version = version,
            Kind = kind,
            AvailableOn = availableOn,
            SourceNote = sourceNote,
            RecordedAtUtc = nowUtc,
            RecordedByUserId = userId,
            RecordedByName = userName,
        };
    }

    /// <summary>A record that takes this protocol version back (recorded by mistake); its date and kind stay for the history.</summary>
    public ProtocolCertification Withdraw(string sourceNote, string? userId, string userName, DateTime nowUtc)
    {
        if (Withdrawn)
            throw new DomainRuleViolated(DomainRule.CertificationAlreadyWithdrawn, "This protocol version is withdrawn already.");
        var withdrawal = Record(Protocol, Version, Kind, AvailableOn, sourceNote, userId, userName, nowUtc);
        withdrawal.Withdrawn = true;
        return withdrawal;
    }

    /// <summary>Whether two records are about the same protocol version (OCPP 2.1 and ocpp 2.1 are).</summary>
    public bool SameVersionAs(string protocol, string version) =>
        string.Equals(Protocol, protocol.Trim(), StringComparison.OrdinalIgnoreCase)
        && string.Equals(Version, version.Trim(), StringComparison.OrdinalIgnoreCase);
}
