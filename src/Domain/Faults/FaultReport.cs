using Portal.Domain.Common;

namespace Portal.Domain.Faults;

/// <summary>
/// A fault a member of the public reported on a charge point's public page, without an account. It goes to the CPO of
/// the location, who acknowledges it and resolves it with an answer. The response and repair times are measured in
/// elapsed hours from the report against the maxima of the contract that covered the EVSE when it was reported
/// (copied onto the report, so a later amendment does not move a past measurement). The reporter's e-mail address is
/// removed a retention period after the resolution.
/// </summary>
public sealed class FaultReport
{
    public const int MaxAnswerLength = 2000, MaxReferenceLength = 20, MaxLanguageLength = 8;

    private FaultReport() { }

    public Guid Id { get; private set; }

    /// <summary>"ST-2026-0001", numbered per year over the whole portal.</summary>
    public string Reference { get; private set; } = "";
    public Guid ChargeLocationId { get; private set; }
    public Guid MunicipalityId { get; private set; }

    /// <summary>The registered operator of the location when reported; null when the location has none (then only officers see it).</summary>
    public Guid? OperatorId { get; private set; }
    public string? EvseUid { get; private set; }
    public FaultKind Kind { get; private set; }
    public string Description { get; private set; } = "";
    public DateTime NoticedAtUtc { get; private set; }
    public DateTime ReportedAtUtc { get; private set; }

    /// <summary>Where the answer goes; null when none was given or after it was removed.</summary>
    public string? ReporterEmail { get; private set; }

    /// <summary>The language of the page the report was made on ("nl", "en"): the answer's language.</summary>
    public string Language { get; private set; } = "nl";
    public DateTime? ReporterEmailRemovedAtUtc { get; private set; }

    public Guid? ContractId { get; private set; }
    public decimal? MaxResponseHours { get; private set; }
    public decimal? MaxRepairHours { get; private set; }

    public FaultReportStatus Status { get; private set; }
    public DateTime? AcknowledgedAtUtc { get; private set; }
    public string? AcknowledgedByUserId { get; private set; }
    public string? AcknowledgedByName { get; private set; }
    public DateTime? ResolvedAtUtc { get; private set; }
    public string? ResolvedByUserId { get; private set; }
    public string? ResolvedByName { get; private set; }
    public string? Answer { get; private set; }

    public bool IsOpen => Status != FaultReportStatus.Resolved;

    public static FaultReport Report(string reference, Guid chargeLocationId, Guid municipalityId, Guid? operatorId, FaultSubmission submission,
        string language, FaultContractTerms terms, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(submission);
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentException.ThrowIfNullOrWhiteSpace(reference);
        return new FaultReport
        {
            Id = Guid.NewGuid(),
            Reference = reference,
            ChargeLocationId = chargeLocationId,
            MunicipalityId = municipalityId,
            OperatorId = operatorId,
            EvseUid = submission.EvseUid,
            Kind = submission.Kind,
            Description = submission.Description,
            NoticedAtUtc = submission.NoticedAtUtc,
            ReporterEmail = submission.Email,
            Language = string.IsNullOrWhiteSpace(language) || language.Length > MaxLanguageLength ? "nl" : language,
            ReportedAtUtc = nowUtc,
            ContractId = terms.ContractId,
            MaxResponseHours = terms.MaxResponseHours,
            MaxRepairHours = terms.MaxRepairHours,
            Status = FaultReportStatus.Reported,
        };
    }

    /// <summary>The CPO has seen the report: this stops the response clock. Only once.</summary>
    public void Acknowledge(FaultActor actor, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (Status != FaultReportStatus.Reported)
            throw new DomainRuleViolated(DomainRule.FaultAlreadyAcknowledged, $"Fault report {Reference} was already acknowledged.", Reference);
        AcknowledgedAtUtc = Later(nowUtc);
        AcknowledgedByUserId = actor.UserId;
        AcknowledgedByName = actor.Name;
        Status = FaultReportStatus.Acknowledged;
    }

    /// <summary>
    /// The fault is solved, with an answer for the reporter: this stops the repair clock. Resolving a report nobody
    /// acknowledged acknowledges it at the same moment (the CPO responded by solving it).
    /// </summary>
    public void Resolve(FaultActor actor, string? answer, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (Status == FaultReportStatus.Resolved)
            throw new DomainRuleViolated(DomainRule.FaultAlreadyResolved, $"Fault report {Reference} was already resolved.", Reference);
        var text = answer?.Trim() ?? "";
        if (text.Length == 0)
            throw new DomainRuleViolated(DomainRule.FaultAnswerMissing, "Say what was done.");
        if (text.Length > MaxAnswerLength)
            throw new DomainRuleViolated(DomainRule.FaultTextTooLong, $"At most {MaxAnswerLength} characters.", MaxAnswerLength);
        var at = Later(nowUtc);
        if (Status == FaultReportStatus.Reported)
            Acknowledge(actor, at);
        ResolvedAtUtc = at;
        ResolvedByUserId = actor.UserId;
        ResolvedByName = actor.Name;
        Answer = text;
        Status = FaultReportStatus.Resolved;
    }

    public FaultClock ResponseClock(DateTime nowUtc) => FaultClock.Measure(ReportedAtUtc, AcknowledgedAtUtc, MaxResponseHours, nowUtc);

    public FaultClock RepairClock(DateTime nowUtc) => FaultClock.Measure(ReportedAtUtc, ResolvedAtUtc, MaxRepairHours, nowUtc);

    /// <summary>Whether the reporter's e-mail address has been kept long enough: resolved, and the retention period since has passed.</summary>
    public bool ReporterEmailExpired(TimeSpan retention, DateTime nowUtc) =>
        ReporterEmail is not null && ResolvedAtUtc is { } resolved && resolved + retention <= nowUtc;

    /// <summary>Privacy: forgets the address once it expired; false when there was nothing to remove yet.</summary>
    public bool RemoveReporterEmail(TimeSpan retention, DateTime nowUtc)
    {
        if (!ReporterEmailExpired(retention, nowUtc))
            return false;
        ReporterEmail = null;
        ReporterEmailRemovedAtUtc = nowUtc;
        return true;
    }

    /// <summary>A clock never stops before the report was made (clocks of two nodes may differ by a moment).</summary>
    private DateTime Later(DateTime nowUtc) => nowUtc < ReportedAtUtc ? ReportedAtUtc : nowUtc;
}

/// <summary>The contract that covered the EVSE when the fault was reported and its maxima in hours; <see cref="None"/> when none covered it.</summary>
public sealed record FaultContractTerms(Guid? ContractId, decimal? MaxResponseHours, decimal? MaxRepairHours)
{
    public static readonly FaultContractTerms None = new(null, null, null);
}
