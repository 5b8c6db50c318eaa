namespace Portal.Domain.Installations;

public enum InstallationChangeKind
{
    Opened,
    StepPlanned,
    StepReported,
    StepCorrected,
    GridConnectionRequested,
    GridConnected,
    DiggingPlanned,
    Commissioned,
    Paused,
    Resumed,
    Cancelled,
    Moved,
    Completed,
    AttachmentAdded,
}

/// <summary>One entry in a case's append-only history: who, when, what happened, to which step, and the words that go with it.</summary>
public sealed class InstallationCaseChange
{
    private InstallationCaseChange() { }

    public long Id { get; private set; }
    public Guid CaseId { get; private set; }
    public DateTime AtUtc { get; private set; }
    public string ByUserId { get; private set; } = "";
    public string ByName { get; private set; } = "";
    public InstallationChangeKind Kind { get; private set; }
    public InstallationStep? Step { get; private set; }
    public DateOnly? Day { get; private set; }
    public string? Text { get; private set; }

    internal static InstallationCaseChange Record(Guid caseId, InstallationActor actor, DateTime atUtc, InstallationChangeKind kind, InstallationStep? step = null, DateOnly? day = null, string? text = null) => new()
    {
        CaseId = caseId,
        AtUtc = atUtc,
        ByUserId = actor.UserId,
        ByName = actor.Name,
        Kind = kind,
        Step = step,
        Day = day,
        Text = string.IsNullOrWhiteSpace(text) ? null : text.Trim(),
    };
}
