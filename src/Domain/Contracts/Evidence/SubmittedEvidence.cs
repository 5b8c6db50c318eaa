using Portal.Domain.Common;
using Portal.Domain.Requirements;

namespace Portal.Domain.Contracts.Evidence;

/// <summary>
/// Evidence a CPO user gave for a requirement attached to its operator's contract: a certificate, declaration or test
/// report with its issuer, standard, issue and expiry days, the EVSEs or models it covers, and the file (kept in the
/// document store under <see cref="StorageKey"/>). An officer of the contract's municipalities accepts or rejects it
/// once, rejecting with a reason. Evidence is about a requirement, not a version: it counts for every version that
/// has the requirement attached. Every step stays in <see cref="Steps"/>.
/// </summary>
public sealed class SubmittedEvidence
{
    public const int MaxTitleLength = 200, MaxIssuerLength = 200, MaxStandardLength = 200, MaxModelsLength = 500,
        MaxReasonLength = 2000, MaxFileNameLength = 200, MaxEvses = 500;
    public const long MaxSizeBytes = 10 * 1024 * 1024;

    private readonly List<EvidenceEvse> _evses = [];
    private readonly List<EvidenceStep> _steps = [];

    private SubmittedEvidence() { }

    public Guid Id { get; private set; }
    public Guid ContractId { get; private set; }
    public Guid OperatorId { get; private set; }
    public string SetId { get; private set; } = "";
    public string Code { get; private set; } = "";
    public EvidenceKind Kind { get; private set; }
    public string Title { get; private set; } = "";
    public string Issuer { get; private set; } = "";

    /// <summary>The standard and its version the evidence is about, e.g. "OCPP 2.0.1"; optional for a declaration.</summary>
    public string? Standard { get; private set; }
    public DateOnly IssuedOn { get; private set; }

    /// <summary>The first day the evidence no longer counts; none: it does not expire.</summary>
    public DateOnly? ExpiresOn { get; private set; }

    /// <summary>Hardware models the evidence covers, as the certificate names them (e.g. "Alfen Eve Double Pro-line").</summary>
    public string? Models { get; private set; }

    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public long SizeBytes { get; private set; }
    public string StorageKey { get; private set; } = "";

    public DateTime UploadedAtUtc { get; private set; }
    public string UploadedByUserId { get; private set; } = "";
    public string UploadedByName { get; private set; } = "";

    public EvidenceDecision Decision { get; private set; }
    public string? DecisionReason { get; private set; }
    public DateTime? DecidedAtUtc { get; private set; }
    public string? DecidedByUserId { get; private set; }
    public string? DecidedByName { get; private set; }

    /// <summary>The Dutch day the 60-day reminder went out (or was passed over because the 30-day one was due).</summary>
    public DateOnly? SixtyDayReminderOn { get; private set; }
    public DateOnly? ThirtyDayReminderOn { get; private set; }

    /// <summary>The Dutch day its expiry was recorded as a finding.</summary>
    public DateOnly? ExpiryRecordedOn { get; private set; }

    public RequirementKey Requirement => new(SetId, Code);

    /// <summary>The EVSEs it covers; none named: every EVSE of the contract.</summary>
    public IReadOnlyList<EvidenceEvse> Evses => _evses;
    public IReadOnlyList<EvidenceStep> Steps => _steps;

    public IReadOnlyList<EvseRef> CoveredEvses => _evses.Select(e => e.Evse).ToList();

    /// <summary>What <see cref="RequirementStateRule"/> judges.</summary>
    public EvidenceRecord ToRecord() => new(IssuedOn, ExpiresOn, Decision, CoveredEvses);

    public static SubmittedEvidence Submit(Guid contractId, Guid operatorId, RequirementKey requirement, EvidenceDetails details, EvidenceFile file,
        ContractActor actor, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(actor);
        var title = Required(details.Title, MaxTitleLength, DomainRule.EvidenceTitleMissing, "A title");
        var issuer = Required(details.Issuer, MaxIssuerLength, DomainRule.EvidenceIssuerMissing, "The issuer");
        var standard = Optional(details.Standard, MaxStandardLength);
        var models = Optional(details.Models, MaxModelsLength);
        if (details.Kind == EvidenceKind.Certificate && standard is null)
            throw new DomainRuleViolated(DomainRule.EvidenceStandardMissing, "A certificate names the standard and version it certifies.");
        if (details.IssuedOn > DutchCalendar.Day(nowUtc))
            throw new DomainRuleViolated(DomainRule.DateInFuture, "Evidence cannot be issued on a later day than today.", details.IssuedOn);
        if (details.ExpiresOn is { } expires && expires <= details.IssuedOn)
            throw new DomainRuleViolated(DomainRule.EvidenceExpiryNotAfterIssue, "Evidence expires after the day it was issued.", details.IssuedOn);
        if (details.Kind == EvidenceKind.Certificate && details.ExpiresOn is null)
            throw new DomainRuleViolated(DomainRule.EvidenceExpiryMissing, "A certificate has an expiry date.");
        var evses = details.Evses.Distinct().ToList();
        if (evses.Count > MaxEvses)
            throw new DomainRuleViolated(DomainRule.EvidenceTooManyEvses, $"Evidence names at most {MaxEvses} EVSEs.", MaxEvses);
        StoredUpload.Check(file.SizeBytes, MaxSizeBytes, file.StorageKey);

        var evidence = new SubmittedEvidence
        {
            Id = Guid.NewGuid(),
            ContractId = contractId,
            OperatorId = operatorId,
            SetId = requirement.SetId,
            Code = requirement.Code,
            Kind = details.Kind,
            Title = title,
            Issuer = issuer,
            Standard = standard,
            IssuedOn = details.IssuedOn,
            ExpiresOn = details.ExpiresOn,
            Models = models,
            FileName = FileNameOf(file.FileName),
            ContentType = file.ContentType,
            SizeBytes = file.SizeBytes,
            StorageKey = file.StorageKey,
            UploadedAtUtc = nowUtc,
            UploadedByUserId = actor.UserId,
            UploadedByName = actor.Name,
            Decision = EvidenceDecision.Pending,
        };
        evidence._evses.AddRange(evses.Select(e => EvidenceEvse.Of(evidence.Id, e)));
        evidence._steps.Add(EvidenceStep.Record(evidence.Id, actor, nowUtc, EvidenceStepKind.Uploaded,
            $"{details.Kind} {requirement}: {title}; {issuer}; {details.IssuedOn:yyyy-MM-dd}..{details.ExpiresOn:yyyy-MM-dd}"));
        return evidence;
    }

    public void Accept(string? reason, ContractActor actor, DateTime nowUtc) => Decide(EvidenceDecision.Accepted, reason, actor, nowUtc);

    /// <summary>A rejection says why, so the CPO knows what to bring instead.</summary>
    public void Reject(string? reason, ContractActor actor, DateTime nowUtc)
    {
        if (string.IsNullOrWhiteSpace(reason))
            throw new DomainRuleViolated(DomainRule.EvidenceRejectionNeedsReason, "Say why the evidence is rejected.");
        Decide(EvidenceDecision.Rejected, reason, actor, nowUtc);
    }

    /// <summary>Which expiry step is due on <paramref name="today"/> (see <see cref="EvidenceExpiry"/>), given whether a renewal already replaces it.</summary>
    public EvidenceExpiryStep? ExpiryStepDue(DateOnly today, bool renewed) =>
        EvidenceExpiry.StepDue(today, Decision, ExpiresOn, SixtyDayReminderOn, ThirtyDayReminderOn, ExpiryRecordedOn, renewed);

    /// <summary>Notes that the step went out today, so no later run repeats it; a 30-day reminder also closes the 60-day one.</summary>
    public void RecordExpiryStep(EvidenceExpiryStep step, DateOnly today, DateTime nowUtc)
    {
        switch (step)
        {
            case EvidenceExpiryStep.SixtyDayReminder:
                SixtyDayReminderOn = today;
                _steps.Add(EvidenceStep.Record(Id, null, nowUtc, EvidenceStepKind.RemindedSixtyDays, $"{ExpiresOn:yyyy-MM-dd}"));
                break;
            case EvidenceExpiryStep.ThirtyDayReminder:
                SixtyDayReminderOn ??= today;
                ThirtyDayReminderOn = today;
                _steps.Add(EvidenceStep.Record(Id, null, nowUtc, EvidenceStepKind.RemindedThirtyDays, $"{ExpiresOn:yyyy-MM-dd}"));
                break;
            case EvidenceExpiryStep.Expired:
                SixtyDayReminderOn ??= today;
                ThirtyDayReminderOn ??= today;
                ExpiryRecordedOn = today;
                _steps.Add(EvidenceStep.Record(Id, null, nowUtc, EvidenceStepKind.Expired, $"{ExpiresOn:yyyy-MM-dd}"));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(step), step, null);
        }
    }

    /// <summary>
    /// Whether <paramref name="other"/> renews this evidence: accepted, for the same requirement, issued no later than
    /// this expires, running longer, and covering at least the same EVSEs.
    /// </summary>
    public bool IsRenewedBy(SubmittedEvidence other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Id == Id || other.Requirement != Requirement || other.ContractId != ContractId || other.Decision != EvidenceDecision.Accepted || ExpiresOn is not { } expires)
            return false;
        if (other.IssuedOn > expires || (other.ExpiresOn is { } until && until <= expires))
            return false;
        var record = other.ToRecord();
        return other._evses.Count == 0 || (_evses.Count > 0 && _evses.All(e => record.Covers(e.Evse)));
    }

    private void Decide(EvidenceDecision decision, string? reason, ContractActor actor, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (Decision != EvidenceDecision.Pending)
            throw new DomainRuleViolated(DomainRule.EvidenceAlreadyDecided, "The evidence was already decided on; the CPO can upload new evidence.");
        var text = Optional(reason, MaxReasonLength);
        Decision = decision;
        DecisionReason = text;
        DecidedAtUtc = nowUtc;
        DecidedByUserId = actor.UserId;
        DecidedByName = actor.Name;
        _steps.Add(EvidenceStep.Record(Id, actor, nowUtc, decision == EvidenceDecision.Accepted ? EvidenceStepKind.Accepted : EvidenceStepKind.Rejected, text ?? ""));
    }

    private static string Required(string? value, int max, DomainRule missing, string what)
    {
        var text = value?.Trim() ?? "";
        if (text.Length == 0)
            throw new DomainRuleViolated(missing, $"{what} is required.");
        if (text.Length > max)
            throw new DomainRuleViolated(DomainRule.ContractTextTooLong, $"A text has at most {max} characters.", max);
        return text;
    }

    private static string? Optional(string? value, int max)
    {
        var text = value?.Trim() ?? "";
        if (text.Length > max)
            throw new DomainRuleViolated(DomainRule.ContractTextTooLong, $"A text has at most {max} characters.", max);
        return text.Length == 0 ? null : text;
    }

    private static string FileNameOf(string? fileName) =>
        StoredUpload.DisplayName(fileName, "evidence", MaxFileNameLength);
}

/// <summary>What the CPO user types about the evidence.</summary>
public sealed record EvidenceDetails(
    EvidenceKind Kind,
    string? Title,
    string? Issuer,
    string? Standard,
    DateOnly IssuedOn,
    DateOnly? ExpiresOn,
    IReadOnlyCollection<EvseRef> Evses,
    string? Models);

/// <summary>The stored file: the name it was sent with (for display only), the type found in its bytes, its size and key.</summary>
public sealed record EvidenceFile(string FileName, string ContentType, long SizeBytes, string StorageKey);

/// <summary>An EVSE (or a whole location) a piece of evidence covers.</summary>
public sealed class EvidenceEvse
{
    private EvidenceEvse() { }

    public long Id { get; private set; }
    public Guid EvidenceId { get; private set; }
    public string LocationId { get; private set; } = "";
    public string? EvseUid { get; private set; }

    public EvseRef Evse => new(LocationId, EvseUid);

    internal static EvidenceEvse Of(Guid evidenceId, EvseRef evse) => new() { EvidenceId = evidenceId, LocationId = evse.LocationId, EvseUid = evse.EvseUid };
}
