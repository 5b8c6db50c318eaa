namespace Portal.Domain.Installations;

/// <summary>One step of a case: when it is planned, when it was done, by whom and with what comment.</summary>
public sealed class InstallationStepRecord
{
    public const int MaxCommentLength = 2000;

    private InstallationStepRecord() { }

    public long Id { get; private set; }
    public Guid CaseId { get; private set; }
    public InstallationStep Step { get; private set; }
    public DateOnly? PlannedOn { get; private set; }
    public DateOnly? DoneOn { get; private set; }
    public string? ReportedByUserId { get; private set; }
    public string? ReportedByName { get; private set; }
    public DateTime? ReportedAtUtc { get; private set; }
    public string? Comment { get; private set; }

    public bool IsDone => DoneOn is not null;

    internal static InstallationStepRecord Create(Guid caseId, InstallationStep step) => new() { CaseId = caseId, Step = step };

    internal void Plan(DateOnly? plannedOn) => PlannedOn = plannedOn;

    internal void Done(DateOnly doneOn, string? comment, InstallationActor actor, DateTime nowUtc)
    {
        DoneOn = doneOn;
        Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        ReportedByUserId = actor.UserId;
        ReportedByName = actor.Name;
        ReportedAtUtc = nowUtc;
    }
}
