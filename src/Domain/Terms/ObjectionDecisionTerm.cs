using System.Globalization;
using Portal.Domain.Common;

namespace Portal.Domain.Terms;

/// <summary>
/// When the decision on an objection is due (Awb 7:10): six weeks, or twelve with an advisory committee,
/// counted from the day after the objection term ended; once extended by six weeks; deferred further
/// only with the objector's consent or as far as the objector caused the delay; standing still while
/// the objector repairs a defect in the objection (7:10(2) with 6:6). The last day falls on a working
/// day (Algemene termijnenwet). An objection received after its term (accepted as excusable, 6:11) cannot
/// have its term start before it arrived, so its counting starts the day after it was received.
/// </summary>
public sealed class ObjectionDecisionTerm
{
    public const int Weeks = 6;
    public const int WeeksWithAdvisoryCommittee = 12;
    public const int ExtensionWeeks = 6;

    private ObjectionDecisionTerm(DateOnly countedAfter, bool advisoryCommittee, DateOnly? extendedOn,
        IReadOnlyList<RepairPause> pauses, IReadOnlyList<DecisionDeferral> deferrals, TermsCalendar calendar)
    {
        CountedAfter = countedAfter;
        AdvisoryCommittee = advisoryCommittee;
        ExtendedOn = extendedOn;
        Pauses = pauses;
        Deferrals = deferrals;
        Calendar = calendar;
    }

    /// <summary>The day after which the term counts: the objection term's last day, or the day a late objection arrived.</summary>
    public DateOnly CountedAfter { get; }
    public bool AdvisoryCommittee { get; }
    public DateOnly? ExtendedOn { get; }
    public IReadOnlyList<RepairPause> Pauses { get; }
    public IReadOnlyList<DecisionDeferral> Deferrals { get; }
    private TermsCalendar Calendar { get; }

    public bool IsExtended => ExtendedOn is not null;

    public bool IsPaused => Pauses.Count > 0 && Pauses[^1].IsOpen;

    public static ObjectionDecisionTerm For(StatutoryTerm objectionTerm, DateOnly receivedOn, bool advisoryCommittee, TermsCalendar calendar) =>
        new(CountsAfter(objectionTerm, receivedOn), advisoryCommittee, null, [], [], calendar);

    /// <summary>The day after which the term counts: the objection term's last day, or the later day a late objection arrived.</summary>
    public static DateOnly CountsAfter(StatutoryTerm objectionTerm, DateOnly receivedOn) =>
        receivedOn > objectionTerm.LastDay ? receivedOn : objectionTerm.LastDay;

    /// <summary>The term as stored: where it counts from, and every extension, pause and deferral so far.</summary>
    public static ObjectionDecisionTerm Restore(DateOnly countedAfter, bool advisoryCommittee, DateOnly? extendedOn,
        IEnumerable<RepairPause> pauses, IEnumerable<DecisionDeferral> deferrals, TermsCalendar calendar) =>
        new(countedAfter, advisoryCommittee, extendedOn, [.. pauses.OrderBy(p => p.RequestedOn)], [.. deferrals.OrderBy(d => d.AgreedOn)], calendar);

    /// <summary>The term with or without an advisory committee: a choice made while the term runs, before it is extended or deferred.</summary>
    public ObjectionDecisionTerm WithAdvisoryCommittee(bool advisoryCommittee) =>
        new(CountedAfter, advisoryCommittee, ExtendedOn, Pauses, Deferrals, Calendar);

    /// <summary>Uses the one extension of six weeks (7:10(3)); it must be announced before the term ends.</summary>
    public ObjectionDecisionTerm Extend(DateOnly today)
    {
        if (ExtendedOn is { } extendedOn)
            throw new DomainRuleViolated(DomainRule.ObjectionTermAlreadyExtended, string.Create(CultureInfo.InvariantCulture,
                $"The decision term on this objection was already extended on {extendedOn:yyyy-MM-dd}; a further delay needs the objector's consent."), extendedOn);
        RequireRunning(today);
        return new(CountedAfter, AdvisoryCommittee, today, Pauses, Deferrals, Calendar);
    }

    /// <summary>A further delay to <paramref name="until"/> (7:10(4)): agreed with the objector, or as far as the objector caused delay.</summary>
    public ObjectionDecisionTerm Defer(DateOnly today, DateOnly until, DeferralGround ground)
    {
        var lastDay = LastDay(today);
        if (until <= lastDay)
            throw new DomainRuleViolated(DomainRule.DeferralNotLater, string.Create(CultureInfo.InvariantCulture,
                $"A deferral must move the last day beyond {lastDay:yyyy-MM-dd}."), lastDay);
        return new(CountedAfter, AdvisoryCommittee, ExtendedOn, Pauses, [.. Deferrals, new DecisionDeferral(today, until, ground)], Calendar);
    }

    /// <summary>The objector was asked to repair a defect (6:6): the clock stands still from the next day until it is repaired.</summary>
    public ObjectionDecisionTerm PauseForRepair(DateOnly requestedOn)
    {
        if (IsPaused)
            throw new DomainRuleViolated(DomainRule.RepairAlreadyRequested, "A repair was already asked for and has not come in yet.");
        if (Pauses.Count > 0 && requestedOn < Pauses[^1].RepairedOn)
            throw new DomainRuleViolated("A new repair cannot be requested before the previous one was repaired.");
        return new(CountedAfter, AdvisoryCommittee, ExtendedOn, [.. Pauses, new RepairPause(requestedOn)], Deferrals, Calendar);
    }

    /// <summary>The defect was repaired, or the time for it ran out: the clock runs again.</summary>
    public ObjectionDecisionTerm ResumeAfterRepair(DateOnly repairedOn)
    {
        if (!IsPaused)
            throw new DomainRuleViolated(DomainRule.NoRepairRequested, "No repair was asked for, so the clock is running.");
        var open = Pauses[^1];
        if (repairedOn < open.RequestedOn)
            throw new DomainRuleViolated("A repair cannot come before it was asked for.");
        return new(CountedAfter, AdvisoryCommittee, ExtendedOn, [.. Pauses.Take(Pauses.Count - 1), open with { RepairedOn = repairedOn }], Deferrals, Calendar);
    }

    public int PausedDays(DateOnly today) => Pauses.Sum(p => p.PausedDays(today));

    /// <summary>The last day on which the decision is in time; while paused it moves on every day.</summary>
    public DateOnly LastDay(DateOnly today)
    {
        var weeks = (AdvisoryCommittee ? WeeksWithAdvisoryCommittee : Weeks) + (IsExtended ? ExtensionWeeks : 0);
        var counted = Calendar.LastDay(CountedAfter.AddDays((weeks * 7) + PausedDays(today)));
        return Deferrals.Count > 0 && Deferrals[^1].Until > counted ? Calendar.LastDay(Deferrals[^1].Until) : counted;
    }

    public bool IsOverdue(DateOnly today) => today > LastDay(today);

    /// <summary>0 on the last day, negative once overdue.</summary>
    public int DaysLeft(DateOnly today) => LastDay(today).DayNumber - today.DayNumber;

    private void RequireRunning(DateOnly today)
    {
        if (IsOverdue(today))
            throw new DomainRuleViolated(DomainRule.ObjectionTermPassed, string.Create(CultureInfo.InvariantCulture,
                $"The decision term on this objection ended on {LastDay(today):yyyy-MM-dd}; an extension must be announced before that."), LastDay(today));
    }
}

/// <summary>A request to repair a defect in an objection and, once it came, the day it was repaired (or the repair term ran out).</summary>
public sealed record RepairPause(DateOnly RequestedOn, DateOnly? RepairedOn = null)
{
    public bool IsOpen => RepairedOn is null;

    /// <summary>Whole days from the request to the repair (or to today while open), as the decision deadline counts information pauses.</summary>
    public int PausedDays(DateOnly today) => Math.Max(0, (RepairedOn ?? today).DayNumber - RequestedOn.DayNumber);
}

/// <summary>A further delay of the decision on an objection beyond the extension.</summary>
public sealed record DecisionDeferral(DateOnly AgreedOn, DateOnly Until, DeferralGround Ground);

/// <summary>The two grounds Awb 7:10(4) allows for deferring beyond the one extension.</summary>
public enum DeferralGround
{
    /// <summary>The objector agreed, and no other interested party is harmed or they agreed too (7:10(4)(a)).</summary>
    ObjectorConsented,

    /// <summary>As far as the objector caused the delay, for instance by asking for time (7:10(4)(b)).</summary>
    DelayCausedByObjector,
}
