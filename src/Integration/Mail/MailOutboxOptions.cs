namespace Portal.Integration.Mail;

/// <summary>The "Mail:Outbox" configuration section: how the delivery job retries.</summary>
public sealed class MailOutboxOptions
{
    /// <summary>After this many failed attempts a mail is marked failed and left for an administrator.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The wait after the first failure; it doubles after every further failure.</summary>
    public int FirstRetrySeconds { get; set; } = 60;

    /// <summary>The longest wait between two attempts.</summary>
    public int MaxRetrySeconds { get; set; } = 3600;

    /// <summary>Mails taken per run of the job.</summary>
    public int BatchSize { get; set; } = 20;

    /// <summary>How long a node may take to send one mail before another node may try it (a node that died mid-send).</summary>
    public int ClaimSeconds { get; set; } = 120;

    /// <summary>The wait before attempt <paramref name="failedAttempts"/> + 1: first, 2 × first, 4 × first … capped.</summary>
    public TimeSpan RetryDelay(int failedAttempts)
    {
        var first = TimeSpan.FromSeconds(Math.Max(1, FirstRetrySeconds));
        var cap = TimeSpan.FromSeconds(Math.Max(FirstRetrySeconds, MaxRetrySeconds));
        var doublings = Math.Clamp(failedAttempts - 1, 0, 30);
        var delay = first * Math.Pow(2, doublings);
        return delay > cap ? cap : delay;
    }
}
