namespace Portal.Domain.Installations;

/// <summary>
/// That the overdue mail for one step of a case, due on one day, went out: the daily job mails each overdue step
/// once per due day (a new planned day that passes again is mailed again).
/// </summary>
public sealed class OverdueStepNotice
{
    private OverdueStepNotice() { }

    public long Id { get; private set; }
    public Guid CaseId { get; private set; }
    public InstallationStep Step { get; private set; }
    public DateOnly DueOn { get; private set; }
    public OverdueKind Kind { get; private set; }

    /// <summary>How many people the mail went to.</summary>
    public int Recipients { get; private set; }
    public DateTime SentAtUtc { get; private set; }

    public static OverdueStepNotice Sent(Guid caseId, OverdueStep overdue, int recipients, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(overdue);
        return new OverdueStepNotice { CaseId = caseId, Step = overdue.Step, DueOn = overdue.DueOn, Kind = overdue.Kind, Recipients = recipients, SentAtUtc = nowUtc };
    }
}
