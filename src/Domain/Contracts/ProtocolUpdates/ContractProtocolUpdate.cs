using Portal.Domain.Requirements;

namespace Portal.Domain.Contracts.ProtocolUpdates;

/// <summary>Where a contract's protocol update stands on a day.</summary>
public enum ProtocolUpdateState
{
    /// <summary>Not closed, and the due date has not passed.</summary>
    Open,

    /// <summary>Not closed, and the due date has passed.</summary>
    Overdue,

    /// <summary>Closed by evidence accepted on or before the due date.</summary>
    Closed,

    /// <summary>Closed by evidence accepted after the due date.</summary>
    ClosedLate,
}

/// <summary>
/// One protocol version a contract's CPO must implement: the requirement that asks it, the certification it follows,
/// the day counting started, the months allowed (the contract's, tightened or not), the due date, and the accepted
/// evidence that closed it, if any.
/// </summary>
public sealed record ContractProtocolUpdate(
    RequirementKey Requirement,
    Guid CertificationId,
    string Protocol,
    string Version,
    ProtocolUpdateKind Kind,
    DateOnly CertificationAvailableOn,
    DateOnly CountedFrom,
    int Months,
    DateOnly DueOn,
    ProtocolUpdateState State,
    Guid? ClosedByEvidenceId = null,
    string? ClosedByTitle = null,
    DateOnly? ClosedOn = null)
{
    public bool IsClosed => State is ProtocolUpdateState.Closed or ProtocolUpdateState.ClosedLate;

    /// <summary>Days from <paramref name="today"/> to the due date (negative once it passed).</summary>
    public int DaysLeft(DateOnly today) => DueOn.DayNumber - today.DayNumber;

    /// <summary>"OCPP 2.1", or "ISO 15118-20:2022" for a version that starts with a separator.</summary>
    public string Name => ProtocolNames.Join(Protocol, Version);
}

/// <summary>Accepted, pending or rejected evidence as the protocol update rule reads it.</summary>
public sealed record ProtocolUpdateEvidence(Guid Id, RequirementKey Requirement, string? Standard, string Title, EvidenceDecision Decision, DateOnly? DecidedOn);
