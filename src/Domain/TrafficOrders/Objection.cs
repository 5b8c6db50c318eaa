using Portal.Domain.Common;
using Portal.Domain.Terms;

namespace Portal.Domain.TrafficOrders;

/// <summary>
/// An objection to a published order, or a view on a draft, and how the officer handles it. An
/// objection has a decision term (Awb 7:10) that officers see running; a view has none of its own but
/// must be considered before the final order is taken (Awb 3:46).
/// </summary>
public sealed class Objection
{
    public const int MaxTextLength = 4000;

    private readonly List<RepairPause> _repairPauses = [];
    private readonly List<DecisionDeferral> _deferrals = [];

    private Objection() { }

    public Guid Id { get; private set; }
    public Guid TrafficOrderId { get; private set; }

    /// <summary>The order's municipality: references are numbered per municipality and year.</summary>
    public Guid MunicipalityId { get; private set; }

    /// <summary>The reference the sender gets in the acknowledgement, e.g. "BZ-2026-0042".</summary>
    public string Reference { get; private set; } = "";
    public ObjectionKind Kind { get; private set; }
    public DateTime ReceivedAtUtc { get; private set; }
    public DateOnly ReceivedOn { get; private set; }

    /// <summary>Received after the term's last day: accepted, for the officer to judge whether the lateness is excusable (Awb 6:11).</summary>
    public bool IsLate { get; private set; }

    public string Name { get; private set; } = "";
    public string Address { get; private set; } = "";
    public string Email { get; private set; } = "";
    public string Grounds { get; private set; } = "";

    /// <summary>Null until the officer judged it.</summary>
    public bool? Admissible { get; private set; }
    public string? AdmissibilityNote { get; private set; }
    public DateOnly? HearingOn { get; private set; }
    public Guid? HearingMinutesDocumentId { get; private set; }
    public bool AdvisoryCommittee { get; private set; }

    /// <summary>The day after which the decision term counts (Awb 7:10(1)); for a view, unused.</summary>
    public DateOnly DecisionTermCountedAfter { get; private set; }
    public DateOnly? DecisionTermExtendedOn { get; private set; }
    public IReadOnlyList<RepairPause> RepairPauses => _repairPauses;
    public IReadOnlyList<DecisionDeferral> Deferrals => _deferrals;

    public ObjectionOutcome? Outcome { get; private set; }
    public ObjectionConsequence? Consequence { get; private set; }
    public DateOnly? DecidedOn { get; private set; }

    /// <summary>For an objection the reasons of the decision; for a view how the final order deals with it.</summary>
    public string? Response { get; private set; }

    /// <summary>The last day the officers were reminded of the decision day; a reminder goes out at most once a day.</summary>
    public DateOnly? DecisionReminderSentOn { get; private set; }

    public bool IsDecided => Kind == ObjectionKind.Objection ? Outcome is not null : Response is not null;

    /// <summary>
    /// Whether the officers should hear about this objection today: an undecided objection whose decision term
    /// ends within <paramref name="withinDays"/> days or has passed, whose clock is running (a repair pause stops
    /// it), and that was not reminded of today already.
    /// </summary>
    public bool NeedsDecisionReminder(DateOnly today, int withinDays, TermsCalendar calendar)
    {
        if (Kind != ObjectionKind.Objection || IsDecided || DecisionReminderSentOn >= today)
            return false;
        var term = DecisionTerm(calendar);
        return !term.IsPaused && term.DaysLeft(today) <= withinDays;
    }

    public void RemindedOfDecision(DateOnly today) => DecisionReminderSentOn = today;

    internal static Objection Receive(Guid orderId, Guid municipalityId, string reference, ObjectionKind kind, ObjectionSubmission submission,
        DateTime receivedAtUtc, StatutoryTerm term) => new()
    {
        Id = Guid.NewGuid(),
        TrafficOrderId = orderId,
        MunicipalityId = municipalityId,
        Reference = reference,
        Kind = kind,
        ReceivedAtUtc = receivedAtUtc,
        ReceivedOn = DutchCalendar.Day(receivedAtUtc),
        IsLate = !term.IsInTime(DutchCalendar.Day(receivedAtUtc)),
        Name = submission.Name,
        Address = submission.Address,
        Email = submission.Email,
        Grounds = submission.Grounds,
        DecisionTermCountedAfter = ObjectionDecisionTerm.CountsAfter(term, DutchCalendar.Day(receivedAtUtc)),
    };

    /// <summary>The decision term as it stands (Awb 7:10); only objections have one.</summary>
    public ObjectionDecisionTerm DecisionTerm(TermsCalendar calendar)
    {
        RequireObjection();
        return ObjectionDecisionTerm.Restore(DecisionTermCountedAfter, AdvisoryCommittee, DecisionTermExtendedOn, _repairPauses, _deferrals, calendar);
    }

    public void JudgeAdmissibility(bool admissible, string? note)
    {
        RequireOpen();
        var text = Text(note);
        if (!admissible && text is null)
            throw new DomainRuleViolated(DomainRule.InadmissibleNeedsReason, "Say why the objection is not admissible.");
        Admissible = admissible;
        AdmissibilityNote = text;
    }

    public void PlanHearing(DateOnly on)
    {
        RequireObjection();
        RequireOpen();
        HearingOn = on;
    }

    public void AttachHearingMinutes(Guid documentId)
    {
        RequireObjection();
        if (HearingOn is null)
            throw new DomainRuleViolated(DomainRule.NoHearingPlanned, "Plan the hearing before attaching its minutes.");
        HearingMinutesDocumentId = documentId;
    }

    /// <summary>Whether an advisory committee hears the objection: twelve weeks instead of six (Awb 7:10(1)).</summary>
    public void UseAdvisoryCommittee(bool advisoryCommittee, DateOnly today, TermsCalendar calendar)
    {
        RequireOpen();
        if (DecisionTermExtendedOn is not null || _deferrals.Count > 0)
            throw new DomainRuleViolated(DomainRule.CommitteeAfterExtension, "Choose the advisory committee before the decision term is extended or deferred.");
        if (DecisionTerm(calendar).IsOverdue(today))
            throw new DomainRuleViolated(DomainRule.ObjectionTermPassed, "The decision term already ended.", DecisionTerm(calendar).LastDay(today));
        AdvisoryCommittee = advisoryCommittee;
    }

    public void ExtendDecisionTerm(DateOnly today, TermsCalendar calendar)
    {
        RequireOpen();
        DecisionTermExtendedOn = DecisionTerm(calendar).Extend(today).ExtendedOn;
    }

    public void DeferDecision(DateOnly today, DateOnly until, DeferralGround ground, TermsCalendar calendar)
    {
        RequireOpen();
        _deferrals.Add(DecisionTerm(calendar).Defer(today, until, ground).Deferrals[^1]);
    }

    public void AskForRepair(DateOnly requestedOn, TermsCalendar calendar)
    {
        RequireOpen();
        _repairPauses.Add(DecisionTerm(calendar).PauseForRepair(requestedOn).Pauses[^1]);
    }

    public void RepairReceived(DateOnly repairedOn, TermsCalendar calendar)
    {
        RequireOpen();
        var resumed = DecisionTerm(calendar).ResumeAfterRepair(repairedOn);
        _repairPauses[^1] = resumed.Pauses[^1];
    }

    internal void Decide(ObjectionOutcome outcome, ObjectionConsequence consequence, DateOnly decidedOn, string? reasons)
    {
        RequireObjection();
        RequireOpen();
        var text = Text(reasons) ?? throw new DomainRuleViolated(DomainRule.ObjectionDecisionNeedsReasons, "Give the reasons of the decision on the objection.");
        if (outcome != ObjectionOutcome.WellFounded && consequence != ObjectionConsequence.Upheld)
            throw new DomainRuleViolated(DomainRule.ConsequenceNeedsWellFounded, "Only a well-founded objection can change or revoke the order.");
        if (outcome == ObjectionOutcome.Inadmissible && Admissible != false)
            throw new DomainRuleViolated(DomainRule.InadmissibleNotJudged, "Record why the objection is not admissible before deciding so.");
        if (outcome != ObjectionOutcome.Inadmissible && Admissible != true)
            throw new DomainRuleViolated(DomainRule.AdmissibilityNotJudged, "Judge whether the objection is admissible before deciding on its grounds.");
        if (decidedOn < ReceivedOn)
            throw new DomainRuleViolated("A decision cannot come before the objection.");
        Outcome = outcome;
        Consequence = consequence;
        DecidedOn = decidedOn;
        Response = text;
    }

    internal void Consider(string? response, DateOnly on)
    {
        if (Kind != ObjectionKind.View)
            throw new DomainRuleViolated("Only a view is considered; an objection is decided.");
        Response = Text(response) ?? throw new DomainRuleViolated(DomainRule.ViewResponseMissing, "Say how the final order deals with this view.");
        DecidedOn = on;
    }

    private void RequireObjection()
    {
        if (Kind != ObjectionKind.Objection)
            throw new DomainRuleViolated("A view has no decision term or hearing of its own.");
    }

    private void RequireOpen()
    {
        if (IsDecided)
            throw new DomainRuleViolated(DomainRule.ObjectionAlreadyDecided, "This objection was already decided.");
    }

    private static string? Text(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        var text = value.Trim();
        return text.Length <= MaxTextLength ? text
            : throw new DomainRuleViolated(DomainRule.ObjectionTextTooLong, $"A text can have at most {MaxTextLength} characters.", MaxTextLength);
    }
}
