namespace Portal.Jobs;

/// <summary>The "Jobs" configuration section: whether the scheduler runs, and each job's interval.</summary>
internal sealed class JobsOptions
{
    /// <summary>Off in tests that run a job by hand; on a node that should only serve pages.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the mail outbox is delivered.</summary>
    public int MailOutboxSeconds { get; set; } = 15;
}
