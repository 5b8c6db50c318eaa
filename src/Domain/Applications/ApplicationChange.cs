using Portal.Domain.Common;

namespace Portal.Domain.Applications;

/// <summary>
/// One entry in an application's history: who moved it, when, from which status to which, and why;
/// or a note that did not change the status (assigned, deadline extended, information answered).
/// </summary>
public sealed class ApplicationChange
{
    public const int MaxReasonLength = 4000;

    private ApplicationChange() { }

    public long Id { get; private set; }
    public Guid ApplicationId { get; private set; }
    public DateTime AtUtc { get; private set; }
    public string ByUserId { get; private set; } = "";
    public string ByName { get; private set; } = "";

    /// <summary>Null for the entry that creates the draft.</summary>
    public ApplicationStatus? From { get; private set; }

    public ApplicationStatus To { get; private set; }
    public string? Reason { get; private set; }
    public ApplicationChangeKind Kind { get; private set; }

    public static ApplicationChange Created(Guid applicationId, ApplicationActor actor, DateTime atUtc) =>
        Make(applicationId, actor, atUtc, null, ApplicationStatus.Draft, null, ApplicationChangeKind.Created);

    /// <summary>An event that leaves the status as it is, e.g. an assignment; the text says what happened.</summary>
    public static ApplicationChange Noted(Guid applicationId, ApplicationActor actor, DateTime atUtc, ApplicationStatus status, ApplicationChangeKind kind, string? text)
    {
        if (kind is ApplicationChangeKind.Created or ApplicationChangeKind.StatusChanged)
            throw new DomainRuleViolated("A note does not create an application or change its status.");
        return Make(applicationId, actor, atUtc, status, status, text, kind);
    }

    /// <summary>Records a status change after checking it against <see cref="ApplicationStatusRule"/>.</summary>
    public static ApplicationChange Moved(Guid applicationId, ApplicationActor actor, DateTime atUtc, ApplicationStatus from, ApplicationStatus to, string? reason)
    {
        if (!ApplicationStatusRule.CanMove(from, to))
            throw new DomainRuleViolated(DomainRule.StatusChangeNotAllowed, $"An application cannot go from {from} to {to}.", from, to);
        if (ApplicationStatusRule.NeedsReason(to) && string.IsNullOrWhiteSpace(reason))
            throw new DomainRuleViolated(DomainRule.ReasonRequired, $"Say why the application goes to {to}: the resident reads this text.", to);
        return Make(applicationId, actor, atUtc, from, to, reason, ApplicationChangeKind.StatusChanged);
    }

    /// <summary>Retention: the person who made the change is no longer named (officers' entries keep their names).</summary>
    internal void ForgetPerson(string applicantUserId, string replacementName)
    {
        if (ByUserId != applicantUserId)
            return;
        ByUserId = "";
        ByName = replacementName;
    }

    private static ApplicationChange Make(Guid applicationId, ApplicationActor actor, DateTime atUtc, ApplicationStatus? from, ApplicationStatus to, string? reason, ApplicationChangeKind kind)
    {
        if (string.IsNullOrWhiteSpace(actor.UserId))
            throw new DomainRuleViolated("A change to an application must say who made it.");
        if (atUtc.Kind == DateTimeKind.Local)
            throw new DomainRuleViolated("History times are kept in UTC.");
        if (reason is { Length: > MaxReasonLength })
            throw new DomainRuleViolated(DomainRule.ReasonTooLong, $"A reason has at most {MaxReasonLength} characters.", MaxReasonLength);
        return new()
        {
            ApplicationId = applicationId,
            AtUtc = DateTime.SpecifyKind(atUtc, DateTimeKind.Utc),
            ByUserId = actor.UserId,
            ByName = actor.Name,
            From = from,
            To = to,
            Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(),
            Kind = kind,
        };
    }
}

public enum ApplicationChangeKind
{
    Created,
    StatusChanged,
    Assigned,
    DeadlineExtended,
    DocumentAdded,
}
