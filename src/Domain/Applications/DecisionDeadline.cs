using System.Globalization;
using Portal.Domain.Common;

namespace Portal.Domain.Applications;

/// <summary>
/// When the municipality must have decided on an application: the decision term after the day of
/// submission, plus every day the clock was paused for information, plus the one extension if it
/// was announced. Works in whole Dutch calendar days (<see cref="DutchCalendar"/>): the decision is in
/// time on the last day itself and overdue from the next day on.
/// </summary>
public sealed class DecisionDeadline
{
    private DecisionDeadline(DateTime submittedAtUtc, DecisionDeadlineSettings settings, IReadOnlyList<InformationPause> pauses, DateTime? extendedAtUtc)
    {
        SubmittedAtUtc = submittedAtUtc;
        Settings = settings;
        Pauses = pauses;
        ExtendedAtUtc = extendedAtUtc;
    }

    public DateTime SubmittedAtUtc { get; }
    public DecisionDeadlineSettings Settings { get; }
    public IReadOnlyList<InformationPause> Pauses { get; }
    public DateTime? ExtendedAtUtc { get; }

    public bool IsExtended => ExtendedAtUtc is not null;

    public static DecisionDeadline For(DateTime submittedAtUtc, DecisionDeadlineSettings settings, IReadOnlyList<InformationPause>? pauses = null, DateTime? extendedAtUtc = null)
    {
        RequireUtc(submittedAtUtc);
        var ordered = (pauses ?? []).OrderBy(p => p.RequestedAtUtc).ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            var pause = ordered[i];
            RequireUtc(pause.RequestedAtUtc);
            if (pause.RequestedAtUtc < submittedAtUtc)
                throw new DomainRuleViolated("Information cannot be requested before the application was submitted.");
            if (pause.AnsweredAtUtc is { } answered && (RequireUtc(answered) < pause.RequestedAtUtc))
                throw new DomainRuleViolated("An answer cannot come before the request for information.");
            if (i < ordered.Count - 1 && (pause.AnsweredAtUtc is null || pause.AnsweredAtUtc > ordered[i + 1].RequestedAtUtc))
                throw new DomainRuleViolated("A new request for information waits until the previous one is answered.");
        }
        if (extendedAtUtc is { } extended && RequireUtc(extended) < submittedAtUtc)
            throw new DomainRuleViolated("A deadline cannot be extended before the application was submitted.");
        return new DecisionDeadline(submittedAtUtc, settings, ordered, extendedAtUtc);
    }

    /// <summary>
    /// Uses the one extension. Awb 4:14(3) requires announcing it within the term, so an overdue
    /// deadline can no longer be extended.
    /// </summary>
    public DecisionDeadline Extend(DateTime nowUtc)
    {
        RequireUtc(nowUtc);
        if (IsExtended)
            throw new DomainRuleViolated(DomainRule.DeadlineAlreadyExtended, string.Create(CultureInfo.InvariantCulture,
                $"The decision deadline was already extended on {ExtendedAtUtc:yyyy-MM-dd}; it can be extended only once."), ExtendedAtUtc!.Value);
        if (IsOverdue(nowUtc))
            throw new DomainRuleViolated(DomainRule.DeadlinePassed, string.Create(CultureInfo.InvariantCulture,
                $"The decision deadline passed on {LastDayUtc(nowUtc):yyyy-MM-dd}; an extension must be announced before that."), LastDayUtc(nowUtc));
        return new DecisionDeadline(SubmittedAtUtc, Settings, Pauses, nowUtc);
    }

    public bool IsPaused => Pauses.Count > 0 && Pauses[^1].IsOpen;

    public int PausedDays(DateTime nowUtc) => Pauses.Sum(p => p.PausedDays(nowUtc));

    /// <summary>The last Dutch day on which a decision is in time (as <see cref="DutchCalendar.DayOf"/> gives days). While paused it moves on every day.</summary>
    public DateTime LastDayUtc(DateTime nowUtc)
    {
        var weeks = Settings.DecisionWeeks + (IsExtended ? Settings.ExtensionWeeks : 0);
        return DutchCalendar.DayOf(SubmittedAtUtc).AddDays((weeks * 7) + PausedDays(nowUtc));
    }

    public bool IsOverdue(DateTime nowUtc) => DutchCalendar.DayOf(nowUtc) > LastDayUtc(nowUtc);

    /// <summary>0 on the last day, negative once overdue.</summary>
    public int DaysLeft(DateTime nowUtc) => (LastDayUtc(nowUtc) - DutchCalendar.DayOf(nowUtc)).Days;

    private static DateTime RequireUtc(DateTime value) =>
        value.Kind == DateTimeKind.Local ? throw new DomainRuleViolated("Deadline dates are kept in UTC.") : value;
}
