namespace Portal.Integration.Mail;

/// <summary>
/// One e-mail waiting in (or delivered from) the outbox table. It is written in the same
/// transaction as the change it reports, and a background job delivers it; a node claims a row
/// for a short lease before sending, so two nodes never send the same mail at the same time.
/// (Named OutboxMail because <see cref="OutgoingMail"/> is the message handed to <see cref="IMailSender"/>.)
/// </summary>
public sealed class OutboxMail
{
    public const int MaxAddressLength = 254;
    public const int MaxNameLength = 200;
    public const int MaxSubjectLength = 300;
    public const int MaxDedupeKeyLength = 200;
    public const int MaxErrorLength = 2000;

    private OutboxMail() { }

    public Guid Id { get; private set; }
    public string ToAddress { get; private set; } = "";
    public string ToName { get; private set; } = "";
    public string Subject { get; private set; } = "";
    public string TextBody { get; private set; } = "";
    public string? HtmlBody { get; private set; }

    /// <summary>Set by the caller for an event that must never be mailed twice, e.g. "application:42:status:Approved".</summary>
    public string? DedupeKey { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }
    public int Attempts { get; private set; }
    public DateTime NextAttemptAtUtc { get; private set; }

    /// <summary>While in the future, one node is sending this mail and the others leave it alone.</summary>
    public DateTime? ClaimedUntilUtc { get; private set; }

    public string? LastError { get; private set; }
    public DateTime? SentAtUtc { get; private set; }
    public bool FailedPermanently { get; private set; }

    public OutboxMailState State => SentAtUtc is not null ? OutboxMailState.Sent : FailedPermanently ? OutboxMailState.Failed : OutboxMailState.Waiting;

    public OutgoingMail Message => new(ToAddress, ToName, Subject, TextBody, HtmlBody);

    internal static OutboxMail For(OutgoingMail mail, string? dedupeKey, DateTime nowUtc) => new()
    {
        Id = Guid.NewGuid(),
        ToAddress = mail.ToAddress,
        ToName = Limit(mail.ToName, MaxNameLength),
        Subject = Limit(mail.Subject, MaxSubjectLength),
        TextBody = mail.TextBody,
        HtmlBody = mail.HtmlBody,
        DedupeKey = dedupeKey,
        CreatedAtUtc = nowUtc,
        NextAttemptAtUtc = nowUtc,
    };

    internal static string Limit(string text, int length) => text.Length <= length ? text : text[..length];
}

public enum OutboxMailState
{
    Waiting,
    Sent,
    Failed,
}
