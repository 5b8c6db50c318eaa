namespace Portal.Integration.Mail;

/// <summary>One e-mail to one person: a plain-text body, and optionally an HTML one.</summary>
public sealed record OutgoingMail(string ToAddress, string ToName, string Subject, string TextBody, string? HtmlBody = null);
