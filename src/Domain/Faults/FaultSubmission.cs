using Portal.Domain.Common;

namespace Portal.Domain.Faults;

/// <summary>
/// What a member of the public typed in the fault form, checked: a description, when it was noticed (not in the
/// future, beyond <see cref="ClockSkew"/>), and an optional e-mail address for the answer.
/// </summary>
public sealed record FaultSubmission
{
    public const int MaxDescriptionLength = 2000, MaxEmailLength = 254;

    /// <summary>A phone's clock may run a little ahead of ours.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(15);

    private FaultSubmission(string? evseUid, FaultKind kind, string description, DateTime noticedAtUtc, string? email)
    {
        EvseUid = evseUid;
        Kind = kind;
        Description = description;
        NoticedAtUtc = noticedAtUtc;
        Email = email;
    }

    public string? EvseUid { get; }
    public FaultKind Kind { get; }
    public string Description { get; }
    public DateTime NoticedAtUtc { get; }
    public string? Email { get; }

    public static FaultSubmission Create(string? evseUid, FaultKind kind, string? description, DateTime noticedAtUtc, string? email, DateTime nowUtc)
    {
        if (!Enum.IsDefined(kind))
            throw new DomainRuleViolated(DomainRule.FaultKindMissing, "Choose what is wrong.");
        var text = description?.Trim() ?? "";
        if (text.Length == 0)
            throw new DomainRuleViolated(DomainRule.FaultDescriptionMissing, "Describe the fault.");
        if (text.Length > MaxDescriptionLength)
            throw new DomainRuleViolated(DomainRule.FaultTextTooLong, $"At most {MaxDescriptionLength} characters.", MaxDescriptionLength);
        if (noticedAtUtc > nowUtc + ClockSkew)
            throw new DomainRuleViolated(DomainRule.FaultNoticedInFuture, "A fault is noticed before it is reported.");
        var mail = string.IsNullOrWhiteSpace(email) ? null : email.Trim();
        if (mail is not null && !LooksLikeEmail(mail))
            throw new DomainRuleViolated(DomainRule.FaultEmailInvalid, "Give an e-mail address like name@example.nl, or none.");
        var uid = string.IsNullOrWhiteSpace(evseUid) ? null : evseUid.Trim();
        return new FaultSubmission(uid, kind, text, noticedAtUtc, mail);
    }

    private static bool LooksLikeEmail(string e)
    {
        var at = e.IndexOf('@', StringComparison.Ordinal);
        return e.Length <= MaxEmailLength && at > 0 && at == e.LastIndexOf('@') && e.IndexOf('.', at) >= at + 2 && !e.EndsWith('.') && !e.Any(char.IsWhiteSpace);
    }
}
