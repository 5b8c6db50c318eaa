using Portal.Domain.Common;
using Portal.Domain.Terms;

namespace Portal.Domain.Installations;

/// <summary>
/// The work between a spot ready for installation and a charge point in use, step by step
/// (<see cref="InstallationStep"/>), assigned to one CPO. Steps may be reported out of order, as reality does;
/// the case shows which earlier ones are missing and which are overdue. Every change is kept in an
/// append-only history. Commissioning is only recorded from a confirmed match with the CPO's OCPI data.
/// </summary>
public sealed class InstallationCase
{
    public const int MaxReasonLength = 2000;

    private readonly List<InstallationStepRecord> _steps = [];
    private readonly List<InstallationCaseChange> _history = [];

    private InstallationCase() { }

    public Guid Id { get; private set; }
    public Guid MunicipalityId { get; private set; }

    /// <summary>The municipality's reference, e.g. "IN-2026-0007".</summary>
    public string Reference { get; private set; } = "";
    public InstallationCaseKind Kind { get; private set; }
    public Guid SpotId { get; private set; }

    /// <summary>A relocation's old spot: where the charge point stands until it is placed on <see cref="SpotId"/>.</summary>
    public Guid? RelocatedFromSpotId { get; private set; }
    public Guid OperatorId { get; private set; }

    /// <summary>The contract that covers the spot and names the CPO; null when the officer chose the CPO.</summary>
    public Guid? ContractId { get; private set; }
    public InstallationCaseStatus Status { get; private set; }
    public string? PauseReason { get; private set; }

    public GridConnectionRequest? GridConnectionRequest { get; private set; }
    public DateOnly? DiggingStartsOn { get; private set; }

    /// <summary>The OCPI location confirmed as this case's charge point, and the EVSEs that went live with it.</summary>
    public string? CommissionedLocationSourceId { get; private set; }
    public IReadOnlyList<string> CommissionedEvseUids { get; private set; } = [];

    public DateTime CreatedAtUtc { get; private set; }

    /// <summary>The Dutch day the case was opened and assigned to the CPO: where lead times and the contract's installation term start.</summary>
    public DateOnly OpenedOn => DutchCalendar.Day(CreatedAtUtc);
    public DateTime UpdatedAtUtc { get; private set; }

    public IReadOnlyList<InstallationStepRecord> Steps => _steps;
    public IReadOnlyList<InstallationCaseChange> History => _history;

    public bool IsClosed => Status is InstallationCaseStatus.Cancelled or InstallationCaseStatus.Completed;

    /// <summary>The record of a step of this kind of case (<see cref="InstallationSteps.Of"/>); another step breaks a rule.</summary>
    public InstallationStepRecord this[InstallationStep step] =>
        Find(step) ?? throw new DomainRuleViolated(DomainRule.InstallationStepNotOfKind, $"A {Kind} case has no step {step}.", step);

    /// <summary>The record of a step, or null when this kind of case does not have it.</summary>
    public InstallationStepRecord? Find(InstallationStep step) => _steps.SingleOrDefault(s => s.Step == step);

    /// <summary>The first step not done yet; null when every step is.</summary>
    public InstallationStep? Next => _steps.Where(s => !s.IsDone).OrderBy(s => s.Step).Select(s => (InstallationStep?)s.Step).FirstOrDefault();

    /// <summary>Steps not done while a later one is: what the case is missing.</summary>
    public IReadOnlyList<InstallationStep> Missing
    {
        get
        {
            var latestDone = _steps.Where(s => s.IsDone).Select(s => (int?)s.Step).Max();
            return latestDone is null ? [] : [.. _steps.Where(s => !s.IsDone && (int)s.Step < latestDone).Select(s => s.Step).Order()];
        }
    }

    /// <summary>When the digging day is known: the days the dig notification may be made on.</summary>
    public DigNotificationWindow? DigNotificationWindow(TermsCalendar calendar) =>
        DiggingStartsOn is { } digging ? Installations.DigNotificationWindow.For(digging, calendar) : null;

    /// <summary>
    /// A case of the given kind on <paramref name="spotId"/>. A relocation names the spot the charge point leaves
    /// (<paramref name="relocatedFromSpotId"/>), and only a relocation does.
    /// </summary>
    public static InstallationCase Open(Guid municipalityId, string reference, InstallationCaseKind kind, Guid spotId, Guid operatorId, Guid? contractId, InstallationActor actor, DateTime nowUtc,
        Guid? relocatedFromSpotId = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (string.IsNullOrWhiteSpace(reference))
            throw new ArgumentException("A case has a reference.", nameof(reference));
        if (kind == InstallationCaseKind.Relocation && relocatedFromSpotId is null)
            throw new DomainRuleViolated(DomainRule.RelocationNeedsOldSpot, "A relocation names the spot the charge point leaves.");
        if (kind != InstallationCaseKind.Relocation && relocatedFromSpotId is not null)
            throw new ArgumentException("Only a relocation leaves another spot.", nameof(relocatedFromSpotId));
        if (relocatedFromSpotId == spotId)
            throw new DomainRuleViolated(DomainRule.InstallationMoveToSameSpot, "The charge point already stands on this spot.");
        var opened = new InstallationCase
        {
            Id = Guid.NewGuid(),
            MunicipalityId = municipalityId,
            Reference = reference.Trim(),
            Kind = kind,
            SpotId = spotId,
            RelocatedFromSpotId = relocatedFromSpotId,
            OperatorId = operatorId,
            ContractId = contractId,
            Status = InstallationCaseStatus.Open,
            CreatedAtUtc = nowUtc,
            UpdatedAtUtc = nowUtc,
        };
        opened._steps.AddRange(InstallationSteps.Of(kind).Select(s => InstallationStepRecord.Create(opened.Id, s)));
        opened.Record(actor, nowUtc, InstallationChangeKind.Opened);
        return opened;
    }

    public void Plan(InstallationStep step, DateOnly? plannedOn, InstallationActor actor, DateTime nowUtc)
    {
        RequireNotClosed();
        this[step].Plan(plannedOn);
        Record(actor, nowUtc, InstallationChangeKind.StepPlanned, step, plannedOn);
    }

    /// <summary>
    /// A step done on <paramref name="doneOn"/>. Reporting a step again corrects its date and comment (kept in
    /// history). The grid connection and commissioning have their own methods, for what they need besides a date.
    /// </summary>
    public void Report(InstallationStep step, DateOnly doneOn, string? comment, InstallationActor actor, DateOnly today, DateTime nowUtc)
    {
        if (step == InstallationStep.Commissioned)
            throw new DomainRuleViolated(DomainRule.CommissioningNeedsData, "Commissioning is proven by the CPO's data: confirm a proposed match.");
        if (step == InstallationStep.GridConnectionRequested)
            throw new DomainRuleViolated(DomainRule.GridOperatorMissing, "Name the grid operator the connection was requested from.");
        ReportDone(step, doneOn, comment, actor, today, nowUtc);
    }

    public void RequestGridConnection(GridConnectionRequest connection, string? comment, InstallationActor actor, DateOnly today, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (connection.ConnectedOn > today)
            throw new DomainRuleViolated(DomainRule.InstallationDayInFuture, "A step is reported once it is done, on or before today.", today);
        ReportDone(InstallationStep.GridConnectionRequested, connection.RequestedOn, comment, actor, today, nowUtc, InstallationChangeKind.GridConnectionRequested);
        GridConnectionRequest = connection;
    }

    public void RecordGridConnected(DateOnly connectedOn, InstallationActor actor, DateOnly today, DateTime nowUtc)
    {
        RequireNotClosed();
        if (GridConnectionRequest is null)
            throw new DomainRuleViolated(DomainRule.GridConnectionNotRequested, "Record the grid connection request first.");
        RequireNotFuture(connectedOn, today);
        GridConnectionRequest = GridConnectionRequest.ConnectedOnDay(connectedOn);
        Record(actor, nowUtc, InstallationChangeKind.GridConnected, InstallationStep.GridConnectionRequested, connectedOn, GridConnectionRequest.GridOperator);
    }

    public void PlanDigging(DateOnly? diggingStartsOn, InstallationActor actor, DateTime nowUtc)
    {
        RequireNotClosed();
        DiggingStartsOn = diggingStartsOn;
        Record(actor, nowUtc, InstallationChangeKind.DiggingPlanned, InstallationStep.DigNotificationMade, diggingStartsOn);
    }

    /// <summary>The confirmed match: the step is done on the go-live day, which the uptime metric takes for its EVSEs.</summary>
    public void ConfirmCommissioning(ProposedCommissioning match, DateOnly goLiveOn, InstallationActor actor, DateOnly today, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(match);
        if (match.Location.OperatorId != OperatorId)
            throw new DomainRuleViolated(DomainRule.CommissioningOtherOperator, "The location is not one of this case's CPO.");
        ReportDone(InstallationStep.Commissioned, goLiveOn, match.Location.LocationSourceId, actor, today, nowUtc, InstallationChangeKind.Commissioned);
        CommissionedLocationSourceId = match.Location.LocationSourceId;
        CommissionedEvseUids = [.. match.ReadyEvseUids];
    }

    public void Pause(string? reason, InstallationActor actor, DateTime nowUtc)
    {
        RequireNotClosed();
        var why = RequireReason(reason);
        Status = InstallationCaseStatus.Paused;
        PauseReason = why;
        Record(actor, nowUtc, InstallationChangeKind.Paused, text: why);
    }

    public void Resume(InstallationActor actor, DateTime nowUtc)
    {
        if (Status != InstallationCaseStatus.Paused)
            throw new DomainRuleViolated(DomainRule.InstallationNotPaused, "Only a paused case is resumed.");
        Status = InstallationCaseStatus.Open;
        PauseReason = null;
        Record(actor, nowUtc, InstallationChangeKind.Resumed);
        CompleteWhenDone(actor, nowUtc);
    }

    /// <summary>Stopped for good; the caller returns the spot to the status it had before the case.</summary>
    public void Cancel(string? reason, InstallationActor actor, DateTime nowUtc)
    {
        RequireNotClosed();
        var why = RequireReason(reason);
        Status = InstallationCaseStatus.Cancelled;
        Record(actor, nowUtc, InstallationChangeKind.Cancelled, text: why);
    }

    /// <summary>The work moves to another spot, until the charge point is placed; the steps done so far stay.</summary>
    public void MoveTo(Guid spotId, string? reason, InstallationActor actor, DateTime nowUtc)
    {
        RequireNotClosed();
        var why = RequireReason(reason);
        if (Kind == InstallationCaseKind.Removal)
            throw new DomainRuleViolated(DomainRule.RemovalStaysOnItsSpot, "A removal is about the charge point on this spot; it does not move.");
        if (spotId == SpotId || spotId == RelocatedFromSpotId)
            throw new DomainRuleViolated(DomainRule.InstallationMoveToSameSpot, "The case is already on this spot.");
        if (this[InstallationStep.ChargePointPlaced].IsDone)
            throw new DomainRuleViolated(DomainRule.InstallationMoveAfterPlacement, "The charge point is placed; moving it is a relocation case.");
        SpotId = spotId;
        Record(actor, nowUtc, InstallationChangeKind.Moved, text: why);
    }

    /// <summary>A file given with a step (<see cref="InstallationAttachment.Attach"/>): in the history, on an open or paused case only.</summary>
    internal void RecordAttachment(InstallationStep step, string fileName, InstallationActor actor, DateTime nowUtc)
    {
        RequireNotClosed();
        Record(actor, nowUtc, InstallationChangeKind.AttachmentAdded, step, text: fileName);
    }

    /// <summary>What is late on <paramref name="today"/>: planned steps not done by their day, a grid connection past the ACM norm, a dig notification past its last day.</summary>
    public IReadOnlyList<OverdueStep> Overdue(DateOnly today, TermsCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (IsClosed)
            return [];
        var overdue = new List<OverdueStep>();
        foreach (var step in _steps.Where(s => !s.IsDone && s.PlannedOn < today))
            overdue.Add(new OverdueStep(step.Step, step.PlannedOn!.Value, OverdueKind.PlannedDayPassed));
        if (GridConnectionRequest is { ConnectedOn: null, DueOn: { } due } && today > due)
            overdue.Add(new OverdueStep(InstallationStep.GridConnectionRequested, due, OverdueKind.GridConnectionNorm));
        if (DigNotificationWindow(calendar) is { } window && !this[InstallationStep.DigNotificationMade].IsDone && today > window.Latest)
            overdue.Add(new OverdueStep(InstallationStep.DigNotificationMade, window.Latest, OverdueKind.DigNotificationWindow));
        return [.. overdue.OrderBy(o => o.DueOn).ThenBy(o => o.Step)];
    }

    private void ReportDone(InstallationStep step, DateOnly doneOn, string? comment, InstallationActor actor, DateOnly today, DateTime nowUtc, InstallationChangeKind? kind = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        RequireNotClosed();
        RequireNotFuture(doneOn, today);
        if (step != InstallationStep.AcceptedByCpo && !this[InstallationStep.AcceptedByCpo].IsDone)
            throw new DomainRuleViolated(DomainRule.InstallationNotAccepted, "The CPO accepts the case before reporting its steps.");
        if (comment?.Trim().Length > InstallationStepRecord.MaxCommentLength)
            throw new DomainRuleViolated(DomainRule.InstallationTextTooLong, $"At most {InstallationStepRecord.MaxCommentLength} characters.", InstallationStepRecord.MaxCommentLength);
        var record = this[step];
        var change = kind ?? (record.IsDone ? InstallationChangeKind.StepCorrected : InstallationChangeKind.StepReported);
        record.Done(doneOn, comment, actor, nowUtc);
        Record(actor, nowUtc, change, step, doneOn, comment);
        CompleteWhenDone(actor, nowUtc);
    }

    private void CompleteWhenDone(InstallationActor actor, DateTime nowUtc)
    {
        if (Status == InstallationCaseStatus.Open && _steps.All(s => s.IsDone))
        {
            Status = InstallationCaseStatus.Completed;
            Record(actor, nowUtc, InstallationChangeKind.Completed);
        }
    }

    private void Record(InstallationActor actor, DateTime nowUtc, InstallationChangeKind kind, InstallationStep? step = null, DateOnly? day = null, string? text = null)
    {
        _history.Add(InstallationCaseChange.Record(Id, actor, nowUtc, kind, step, day, text));
        UpdatedAtUtc = nowUtc;
    }

    private void RequireNotClosed()
    {
        if (IsClosed)
            throw new DomainRuleViolated(DomainRule.InstallationCaseClosed, $"Case {Reference} is {Status}.", Reference);
    }

    private static void RequireNotFuture(DateOnly day, DateOnly today)
    {
        if (day > today)
            throw new DomainRuleViolated(DomainRule.InstallationDayInFuture, "A step is reported once it is done, on or before today.", today);
    }

    private static string RequireReason(string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
            throw new DomainRuleViolated(DomainRule.InstallationReasonMissing, "Give the reason.");
        if (reason.Trim().Length > MaxReasonLength)
            throw new DomainRuleViolated(DomainRule.InstallationTextTooLong, $"At most {MaxReasonLength} characters.", MaxReasonLength);
        return reason.Trim();
    }
}

public enum OverdueKind
{
    PlannedDayPassed,
    GridConnectionNorm,
    DigNotificationWindow,
}

/// <summary>A step that is late, the day it was due, and by which norm.</summary>
public sealed record OverdueStep(InstallationStep Step, DateOnly DueOn, OverdueKind Kind);
