namespace Portal.Jobs;

/// <summary>The "Jobs" configuration section: whether the scheduler runs, and each job's interval.</summary>
internal sealed class JobsOptions
{
    /// <summary>Off in tests that run a job by hand; on a node that should only serve pages.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the mail outbox is delivered.</summary>
    public int MailOutboxSeconds { get; set; } = 15;

    /// <summary>When officers get their daily deadline reminder (Quartz cron, Dutch time).</summary>
    public string DeadlineRemindersCron { get; set; } = "0 0 7 ? * MON-FRI";

    /// <summary>When personal data of old closed applications is removed (Quartz cron, Dutch time).</summary>
    public string RetentionCron { get; set; } = "0 30 3 * * ?";

    /// <summary>How often what changed is pulled from every connected CPO; 0 turns the scheduled pull off.</summary>
    public double OcpiIncrementalPullMinutes { get; set; } = 5;

    /// <summary>When everything is pulled from every connected CPO (Quartz cron, Dutch time); empty turns it off.</summary>
    public string OcpiFullPullCron { get; set; } = "0 15 2 * * ?";

    /// <summary>How often charging-profile requests whose result timed out are marked NoResult.</summary>
    public int ChargingProfileExpirySeconds { get; set; } = 60;

    /// <summary>How often queued outgoing OCPI calls (charging profiles) are delivered; a new call also starts a run at once.</summary>
    public int OcpiCallsSeconds { get; set; } = 10;
}
