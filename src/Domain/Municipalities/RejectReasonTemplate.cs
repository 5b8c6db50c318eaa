namespace Portal.Domain.Municipalities;

/// <summary>A ready-made reason an officer picks when rejecting an application: a short title and the text the applicant reads.</summary>
public sealed record RejectReasonTemplate(string Title, string Text)
{
    public const int MaxTitleLength = 100;
    public const int MaxTextLength = 2000;
}
