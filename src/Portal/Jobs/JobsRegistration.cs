using Npgsql;
using Portal.Domain.Common;
using Portal.Integration.Persistence;
using Quartz;

namespace Portal.Jobs;

/// <summary>
/// The Quartz scheduler. On SQLite (one node) jobs live in memory; on PostgreSQL they live in the
/// qrtz_* tables (created by the PostgreSQL migration) and the nodes form a cluster, so with
/// several portal nodes each firing runs on exactly one of them.
/// </summary>
internal static class JobsRegistration
{
    public const string TablePrefix = "qrtz_";

    public static void AddPortalJobs(this WebApplicationBuilder builder)
    {
        var jobs = builder.Configuration.GetSection("Jobs").Get<JobsOptions>() ?? new();
        builder.Services.AddSingleton<JobRunLog>();
        builder.Services.AddHealthChecks().AddCheck<JobsHealthCheck>("jobs");
        builder.Services.AddScoped(services => new OcpiPullStarter(services, jobs.Enabled));
        builder.Services.AddScoped(services => new OcpiCallStarter(services, jobs.Enabled));
        if (!jobs.Enabled)
            return;

        var database = builder.Configuration.GetSection("Database").Get<DatabaseOptions>() ?? new();
        builder.Services.AddQuartz(q =>
        {
            q.ConfigureScheduler(s => s.InstanceName = "portal");
            if (database.Provider == DatabaseProvider.Postgres)
            {
                q.UsePersistentStore(store =>
                {
                    store.UsePostgres(NpgsqlFactory.Instance, database.ConnectionString!);
                    store.UseSystemTextJsonSerializer();
                    store.UseClustering();
                    store.ConfigureStore(o => o.TablePrefix = TablePrefix);
                });
            }
            else
            {
                q.UseInMemoryStore();
            }
            Schedule(q, jobs);
        });
        builder.Services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
    }

    /// <summary>Every job with its trigger. A new job: a class deriving from <see cref="PortalJob"/>, an interval in <see cref="JobsOptions"/>, a line here.</summary>
    private static void Schedule(IQuartzBuilder q, JobsOptions jobs)
    {
        Every<DeliverMailJob>(q, TimeSpan.FromSeconds(jobs.MailOutboxSeconds));
        Daily<RemindOfDeadlinesJob>(q, jobs.DeadlineRemindersCron);
        Daily<RemovePersonalDataJob>(q, jobs.RetentionCron);
        if (jobs.OcpiIncrementalPullMinutes > 0)
            Every<PullOcpiIncrementallyJob>(q, TimeSpan.FromMinutes(jobs.OcpiIncrementalPullMinutes));
        if (!string.IsNullOrWhiteSpace(jobs.OcpiFullPullCron))
            Daily<PullOcpiFullyJob>(q, jobs.OcpiFullPullCron);
        q.AddJob<PullOcpiNowJob>(job => job.WithIdentity(PullOcpiNowJob.Key).StoreDurably());
        Every<ExpireChargingProfileRequestsJob>(q, TimeSpan.FromSeconds(jobs.ChargingProfileExpirySeconds));
        Every<SendQueuedOcpiCallsJob>(q, TimeSpan.FromSeconds(jobs.OcpiCallsSeconds), SendQueuedOcpiCallsJob.Key);
    }

    /// <summary>Daily jobs run on Dutch time: a reminder at 07:00 means 07:00 in Arnhem, summer and winter.</summary>
    private static void Daily<TJob>(IQuartzBuilder q, string cron) where TJob : PortalJob =>
        q.ScheduleJob<TJob>(trigger => trigger
            .WithIdentity(typeof(TJob).Name)
            .WithCronSchedule(cron, c => c.InTimeZone(DutchCalendar.TimeZone)));

    /// <summary>A job on a fixed interval; give it a <paramref name="key"/> when something else also fires it on demand.</summary>
    private static void Every<TJob>(IQuartzBuilder q, TimeSpan interval, JobKey? key = null) where TJob : PortalJob =>
        q.ScheduleJob<TJob>(trigger => trigger
            .WithIdentity(typeof(TJob).Name)
            .WithSimpleSchedule(interval < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : interval),
            job => { if (key is not null) job.WithIdentity(key); });
}
