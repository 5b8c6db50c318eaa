namespace Portal.Jobs;

/// <summary>
/// The "Jobs" configuration section: whether this node runs a Hangfire server, each job's schedule,
/// and how fast the nodes notice new and abandoned work. Crons are Hangfire's (five fields: minute hour
/// day-of-month month day-of-week), read in Dutch time.
/// </summary>
internal sealed class JobsOptions
{
    /// <summary>Runs a job server (workers and the recurring schedule) on this node; off on a node that only serves pages, and in tests unless a test asks.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How many jobs this node runs at once.</summary>
    public int WorkerCount { get; set; } = 5;

    /// <summary>How often the mail outbox is delivered.</summary>
    public int MailOutboxSeconds { get; set; } = 15;

    /// <summary>When officers get their daily deadline reminder (cron, Dutch time).</summary>
    public string DeadlineRemindersCron { get; set; } = "0 7 * * 1-5";

    /// <summary>When the CPO and the officers are mailed the installation steps that became overdue (cron, Dutch time).</summary>
    public string OverdueInstallationStepsCron { get; set; } = "15 7 * * 1-5";

    /// <summary>When contract evidence is checked for expiry and pulled tariffs against contract caps (cron, Dutch time).</summary>
    public string ContractChecksCron { get; set; } = "30 6 * * *";

    /// <summary>When ended maintenance windows and status_schedule entries become candidate exclusion claims (cron, Dutch time).</summary>
    public string ExclusionCandidatesCron { get; set; } = "45 6 * * *";

    /// <summary>When findings past their deadline are marked overdue and CPOs reminded of the ones due soon (cron, Dutch time): after the contract checks.</summary>
    public string FindingDeadlinesCron { get; set; } = "0 7 * * *";
    /// <summary>When each CPO's data-quality KPIs of the month that is over are stored, once (cron, Dutch time).</summary>
    public string DataQualityCron { get; set; } = "45 4 * * *";

    /// <summary>When the audit runs are computed (from the first working day of a month, for the month before) and refreshed after claim decisions (cron, Dutch time).</summary>
    public string MonthlyAuditCron { get; set; } = "0 6 * * 1-5";

    /// <summary>When personal data of old closed applications is removed (cron, Dutch time).</summary>
    public string RetentionCron { get; set; } = "30 3 * * *";

    /// <summary>When traffic orders whose term lapsed become final (cron, Dutch time): just after the last day ends.</summary>
    public string TrafficOrdersFinalCron { get; set; } = "5 0 * * *";

    /// <summary>How often what changed is pulled from every connected CPO; 0 turns the scheduled pull off.</summary>
    public double OcpiIncrementalPullMinutes { get; set; } = 5;

    /// <summary>When everything is pulled from every connected CPO (cron, Dutch time); empty turns it off.</summary>
    public string OcpiFullPullCron { get; set; } = "15 2 * * *";

    /// <summary>When a smart-charging compliance test starts for every contract with a smart-charging obligation (cron, Dutch time, in the evening peak); empty turns it off.</summary>
    public string SmartChargingTestCron { get; set; } = "0 18 * * 2";

    /// <summary>How often running smart-charging tests read back their answers, results and CDRs, and complete.</summary>
    public int SmartChargingCompletionMinutes { get; set; } = 15;

    /// <summary>How often charging-profile requests whose result timed out are marked NoResult.</summary>
    public int ChargingProfileExpirySeconds { get; set; } = 60;

    /// <summary>How often queued outgoing OCPI calls (charging profiles) are delivered; a new call also starts a run at once.</summary>
    public int OcpiCallsSeconds { get; set; } = 10;

    /// <summary>
    /// After how long without a sign of life a job's node counts as gone, and another node takes the job
    /// over. A running job renews its claim every fifth of this, so it is no limit on how long a job runs.
    /// </summary>
    public TimeSpan AbandonedJobTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long a lock that keeps a job from overlapping itself is held at most (PostgreSQL): a gone node's
    /// locks are freed after this. Longer than the longest run of a job that takes one.
    /// </summary>
    public TimeSpan LockTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often the nodes look for due recurring jobs and for work another node queued: the shortest interval, at least a second, at most 15 seconds.</summary>
    public TimeSpan PollingInterval
    {
        get
        {
            var seconds = new[] { MailOutboxSeconds, ChargingProfileExpirySeconds, OcpiCallsSeconds, 15 }.Where(s => s > 0).Min();
            if (OcpiIncrementalPullMinutes > 0)
                seconds = Math.Min(seconds, (int)Math.Floor(OcpiIncrementalPullMinutes * 60));
            return TimeSpan.FromSeconds(Math.Max(1, seconds));
        }
    }
}
