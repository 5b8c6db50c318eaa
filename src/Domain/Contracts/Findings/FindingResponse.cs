using Portal.Domain.Common;
using Portal.Domain.Contracts.Evidence;
using Portal.Domain.Installations;
using Portal.Domain.Terms;

namespace Portal.Domain.Contracts.Findings;

/// <summary>
/// What happens to a <see cref="ContractFinding"/> after it is found: the CPO answers by a deadline (working days from the
/// Dutch day found, <see cref="DeadlineFor"/>), optionally with an attachment; the officer closes it (accepted or
/// resolved) or escalates it, always with a reason, or reopens an answered finding asking for more (a new deadline). A
/// finding left unanswered past its deadline is marked overdue. The finding itself stays as it was found: its rows are
/// facts written once by the checks and deduplicated by key, so the workflow lives in this row of its own, one per
/// finding, with its append-only <see cref="Steps"/>.
/// </summary>
public sealed class FindingResponse
{
    public const int MaxAnswerLength = 4000, MaxReasonLength = 2000, MaxFileNameLength = 200;
    public const long MaxAttachmentBytes = 10 * 1024 * 1024;

    /// <summary>How many working days before the deadline the CPO is reminded.</summary>
    public const int ReminderWorkingDays = 2;

    private readonly List<FindingResponseStep> _steps = [];

    private FindingResponse() { }

    public Guid Id { get; private set; }
    public long FindingId { get; private set; }
    public FindingState State { get; private set; }

    /// <summary>The last Dutch day the CPO may answer (moved by a reopening).</summary>
    public DateOnly Deadline { get; private set; }

    public string? Answer { get; private set; }
    public DateTime? AnsweredAtUtc { get; private set; }
    public string? AttachmentFileName { get; private set; }
    public string? AttachmentContentType { get; private set; }
    public long? AttachmentSizeBytes { get; private set; }
    public string? AttachmentStorageKey { get; private set; }

    public FindingClosure? Closure { get; private set; }
    public string? DecisionReason { get; private set; }
    public DateTime? DecidedAtUtc { get; private set; }

    /// <summary>The penalty proposed when the finding was escalated, frozen then (the term, the units and the total in euro).</summary>
    public ContractTerm? PenaltyTerm { get; private set; }
    public int? PenaltyUnits { get; private set; }
    public decimal? PenaltyEuro { get; private set; }

    public IReadOnlyList<FindingResponseStep> Steps => _steps;

    public bool IsDecided => State is FindingState.Closed or FindingState.Escalated;

    /// <summary>The last Dutch day to answer a finding found on <paramref name="foundOn"/>: <paramref name="workingDays"/> working days later.</summary>
    public static DateOnly DeadlineFor(DateOnly foundOn, int workingDays, TermsCalendar calendar) => calendar.After(foundOn, workingDays);

    /// <summary>The working day the CPO is reminded of an open finding: <see cref="ReminderWorkingDays"/> working days before its deadline.</summary>
    public static DateOnly ReminderOn(DateOnly deadline, TermsCalendar calendar) => calendar.Before(deadline, ReminderWorkingDays);

    /// <summary>The workflow of a finding, open from the day it was found.</summary>
    public static FindingResponse Open(ContractFinding finding, int workingDays, TermsCalendar calendar, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(finding);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(workingDays);
        var response = new FindingResponse
        {
            Id = Guid.NewGuid(),
            FindingId = finding.Id,
            State = FindingState.Open,
            Deadline = DeadlineFor(finding.FoundOn, workingDays, calendar),
        };
        response.Record(null, nowUtc, FindingStepKind.Opened, $"{response.Deadline:yyyy-MM-dd}");
        return response;
    }

    /// <summary>Open and not answered on a day after the deadline (whether or not the daily run marked it yet).</summary>
    public bool IsOverdueOn(DateOnly today) => State == FindingState.Overdue || (State == FindingState.Open && today > Deadline);

    /// <summary>The daily run marks an open finding overdue once its deadline passed; false when there was nothing to mark.</summary>
    public bool MarkOverdue(DateOnly today, DateTime nowUtc)
    {
        if (State != FindingState.Open || today <= Deadline)
            return false;
        State = FindingState.Overdue;
        Record(null, nowUtc, FindingStepKind.MarkedOverdue, $"{Deadline:yyyy-MM-dd}");
        return true;
    }

    /// <summary>The CPO answers an open finding, or an overdue one late (the step says so), optionally with a stored attachment.</summary>
    public void Respond(string? answer, FindingAttachment? attachment, ContractActor actor, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (State is not (FindingState.Open or FindingState.Overdue))
            throw new DomainRuleViolated(DomainRule.FindingNotOpen, "Only an open finding is answered.");
        var text = Required(answer, MaxAnswerLength, DomainRule.FindingAnswerMissing);
        if (attachment is not null)
        {
            StoredUpload.Check(attachment.SizeBytes, MaxAttachmentBytes, attachment.StorageKey);
            AttachmentFileName = StoredUpload.DisplayName(attachment.FileName, "bijlage", MaxFileNameLength);
            AttachmentContentType = attachment.ContentType;
            AttachmentSizeBytes = attachment.SizeBytes;
            AttachmentStorageKey = attachment.StorageKey;
        }
        var late = State == FindingState.Overdue;
        Answer = text;
        AnsweredAtUtc = nowUtc;
        State = FindingState.Answered;
        Record(actor, nowUtc, late ? FindingStepKind.AnsweredLate : FindingStepKind.Answered,
            attachment is null ? text : $"{text} [{AttachmentFileName}]");
    }

    /// <summary>The officer asks for more on an answered finding: open again, with a new deadline counted from today.</summary>
    public void Reopen(string? request, int workingDays, TermsCalendar calendar, ContractActor actor, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (State != FindingState.Answered)
            throw new DomainRuleViolated(DomainRule.FindingNotAnswered, "Only an answered finding is reopened.");
        var text = Required(request, MaxReasonLength, DomainRule.FindingReasonMissing);
        State = FindingState.Open;
        Deadline = DeadlineFor(DutchCalendar.Day(nowUtc), workingDays, calendar);
        Record(actor, nowUtc, FindingStepKind.Reopened, $"{text} ({Deadline:yyyy-MM-dd})");
    }

    /// <summary>The officer closes the finding: the answer is accepted, or the problem was resolved. Possible until decided.</summary>
    public void Close(FindingClosure closure, string? reason, ContractActor actor, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var text = Decidable(reason);
        Closure = closure;
        Decided(FindingState.Closed, text, actor, nowUtc, FindingStepKind.Closed, $"{closure}: {text}");
    }

    /// <summary>
    /// The officer escalates a finding the CPO answered or let pass its deadline (an open one still has its time to answer),
    /// freezing the penalty proposed then (null when the contract has none for the term).
    /// </summary>
    public void Escalate(string? reason, ProposedPenalty? penalty, ContractActor actor, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var text = Decidable(reason);
        if (State == FindingState.Open && DutchCalendar.Day(nowUtc) <= Deadline)
            throw new DomainRuleViolated(DomainRule.FindingStillOpen, "The CPO may still answer this finding.", Deadline);
        PenaltyTerm = penalty?.Term;
        PenaltyUnits = penalty?.Units;
        PenaltyEuro = penalty?.TotalEuro;
        Decided(FindingState.Escalated, text, actor, nowUtc, FindingStepKind.Escalated, penalty is null ? text : $"{text} ({penalty})");
    }

    private string Decidable(string? reason)
    {
        if (IsDecided)
            throw new DomainRuleViolated(DomainRule.FindingAlreadyDecided, "This finding was already closed or escalated.");
        return Required(reason, MaxReasonLength, DomainRule.FindingReasonMissing);
    }

    private void Decided(FindingState state, string reason, ContractActor actor, DateTime nowUtc, FindingStepKind kind, string detail)
    {
        State = state;
        DecisionReason = reason;
        DecidedAtUtc = nowUtc;
        Record(actor, nowUtc, kind, detail);
    }

    private static string Required(string? text, int maxLength, DomainRule missing)
    {
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0)
            throw new DomainRuleViolated(missing, "A text is needed.");
        if (trimmed.Length > maxLength)
            throw new DomainRuleViolated(DomainRule.FindingTextTooLong, $"A text has at most {maxLength} characters.", maxLength);
        return trimmed;
    }

    private void Record(ContractActor? actor, DateTime nowUtc, FindingStepKind kind, string detail) =>
        _steps.Add(FindingResponseStep.Record(Id, actor, nowUtc, kind, detail));
}

/// <summary>A stored attachment to an answer: the name it was sent with, the type found in its bytes, its size and key.</summary>
public sealed record FindingAttachment(string FileName, string ContentType, long SizeBytes, string StorageKey);

/// <summary>Where a finding stands (stored by name).</summary>
public enum FindingState
{
    Open,
    Answered,
    Overdue,
    Closed,
    Escalated,
}

/// <summary>Why an officer closed a finding (stored by name).</summary>
public enum FindingClosure
{
    Accepted,
    Resolved,
}

/// <summary>One step in the append-only history of a finding's workflow: who (empty for the portal), when, what, and the text.</summary>
public sealed class FindingResponseStep
{
    public const int MaxDetailLength = 4300;

    private FindingResponseStep() { }

    public long Id { get; private set; }
    public Guid ResponseId { get; private set; }
    public DateTime AtUtc { get; private set; }
    public string ByUserId { get; private set; } = "";
    public string ByName { get; private set; } = "";
    public FindingStepKind Kind { get; private set; }
    public string Detail { get; private set; } = "";

    internal static FindingResponseStep Record(Guid responseId, ContractActor? actor, DateTime atUtc, FindingStepKind kind, string detail) => new()
    {
        ResponseId = responseId,
        AtUtc = atUtc,
        ByUserId = actor?.UserId ?? "",
        ByName = actor is null ? "" : actor.Name.Length <= 200 ? actor.Name : actor.Name[..200],
        Kind = kind,
        Detail = detail.Length > MaxDetailLength ? detail[..MaxDetailLength] : detail,
    };
}

/// <summary>What a step of a finding's history records (stored by name).</summary>
public enum FindingStepKind
{
    Opened,
    Answered,
    AnsweredLate,
    MarkedOverdue,
    Reopened,
    Closed,
    Escalated,
}
