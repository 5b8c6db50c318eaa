using Portal.Domain.Common;

namespace Portal.Domain.Applications;

/// <summary>An officer's question to the applicant and, once it came, the answer. The decision clock stands still in between.</summary>
public sealed class InformationRequest
{
    public const int MaxTextLength = 4000;

    private InformationRequest() { }

    public Guid Id { get; private set; }
    public Guid ApplicationId { get; private set; }
    public DateTime RequestedAtUtc { get; private set; }
    public string RequestedByName { get; private set; } = "";
    public string Question { get; private set; } = "";
    public DateTime? AnsweredAtUtc { get; private set; }
    public string? Answer { get; private set; }

    public bool IsOpen => AnsweredAtUtc is null;

    public InformationPause AsPause() => new(RequestedAtUtc, AnsweredAtUtc);

    internal static InformationRequest Ask(Guid applicationId, string byName, string question, DateTime nowUtc) => new()
    {
        Id = Guid.NewGuid(),
        ApplicationId = applicationId,
        RequestedAtUtc = nowUtc,
        RequestedByName = byName,
        Question = Text(question, DomainRule.QuestionMissing, "Write what the applicant should send or explain."),
    };

    internal void Answered(string answer, DateTime nowUtc)
    {
        if (!IsOpen)
            throw new DomainRuleViolated(DomainRule.InformationAlreadyAnswered, "This request was already answered.");
        Answer = Text(answer, DomainRule.AnswerMissing, "Write an answer to the question.");
        AnsweredAtUtc = nowUtc;
    }

    internal void Anonymise() => Answer = Answer is null ? null : "";

    private static string Text(string value, DomainRule whenEmpty, string message)
    {
        if (string.IsNullOrWhiteSpace(value))
            throw new DomainRuleViolated(whenEmpty, message);
        var trimmed = value.Trim();
        return trimmed.Length <= MaxTextLength ? trimmed : throw new DomainRuleViolated(DomainRule.InformationTextTooLong, $"Write at most {MaxTextLength} characters.", MaxTextLength);
    }
}
