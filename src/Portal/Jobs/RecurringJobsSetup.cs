using Hangfire;
using Portal.Domain.Common;

namespace Portal.Jobs;

/// <summary>
/// Every recurring job with its schedule, written into the shared storage when a node with a job server
/// starts (each node writes the same, so the last start wins). Hangfire enqueues each firing once, whichever
/// node's scheduler sees it first. A new recurring job: a class with a thin RunAsync, a setting in
/// <see cref="JobsOptions"/>, a line here.
/// </summary>
internal sealed class RecurringJobsSetup(IRecurringJobManager recurring, JobsOptions jobs) : IHostedService
{
    private static readonly RecurringJobOptions DutchTime = new() { TimeZone = DutchCalendar.TimeZone };

    public Task StartAsync(CancellationToken cancellationToken)
    {
        recurring.AddOrUpdate<DeliverMailJob>(DeliverMailJob.Id, job => job.RunAsync(CancellationToken.None),
            JobSchedule.Every(TimeSpan.FromSeconds(jobs.MailOutboxSeconds), "Jobs:MailOutboxSeconds"), DutchTime);
        recurring.AddOrUpdate<RemindOfDeadlinesJob>(RemindOfDeadlinesJob.Id, job => job.RunAsync(CancellationToken.None),
            JobSchedule.Checked(jobs.DeadlineRemindersCron, "Jobs:DeadlineRemindersCron"), DutchTime);
        recurring.AddOrUpdate<MailOverdueInstallationStepsJob>(MailOverdueInstallationStepsJob.Id, job => job.RunAsync(CancellationToken.None),
            JobSchedule.Checked(jobs.OverdueInstallationStepsCron, "Jobs:OverdueInstallationStepsCron"), DutchTime);
        recurring.AddOrUpdate<CheckContractsJob>(CheckContractsJob.Id, job => job.RunAsync(CancellationToken.None),
            JobSchedule.Checked(jobs.ContractChecksCron, "Jobs:ContractChecksCron"), DutchTime);
        recurring.AddOrUpdate<CreateExclusionCandidatesJob>(CreateExclusionCandidatesJob.Id, job => job.RunAsync(CancellationToken.None),
            JobSchedule.Checked(jobs.ExclusionCandidatesCron, "Jobs:ExclusionCandidatesCron"), DutchTime);
        recurring.AddOrUpdate<FindingDeadlinesJob>(FindingDeadlinesJob.Id, job => job.RunAsync(CancellationToken.None),
            JobSchedule.Checked(jobs.FindingDeadlinesCron, "Jobs:FindingDeadlinesCron"), DutchTime);
        recurring.AddOrUpdate<StoreDataQualityJob>(StoreDataQualityJob.Id, job => job.RunAsync(CancellationToken.None),
            JobSchedule.Checked(jobs.DataQualityCron, "Jobs:DataQualityCron"), DutchTime);
        recurring.AddOrUpdate<RunMonthlyAuditsJob>(RunMonthlyAuditsJob.Id, job => job.RunAsync(CancellationToken.None),
            JobSchedule.Checked(jobs.MonthlyAuditCron, "Jobs:MonthlyAuditCron"), DutchTime);
        recurring.AddOrUpdate<RemovePersonalDataJob>(RemovePersonalDataJob.Id, job => job.RunAsync(CancellationToken.None),
            JobSchedule.Checked(jobs.RetentionCron, "Jobs:RetentionCron"), DutchTime);
        recurring.AddOrUpdate<MakeTrafficOrdersFinalJob>(MakeTrafficOrdersFinalJob.Id, job => job.RunAsync(CancellationToken.None),
            JobSchedule.Checked(jobs.TrafficOrdersFinalCron, "Jobs:TrafficOrdersFinalCron"), DutchTime);

        if (jobs.OcpiIncrementalPullMinutes > 0)
            recurring.AddOrUpdate<PullOcpiConnectionsJob>(PullOcpiConnectionsJob.IncrementalId, job => job.EnqueueAsync("incremental", CancellationToken.None),
                JobSchedule.Every(TimeSpan.FromMinutes(jobs.OcpiIncrementalPullMinutes), "Jobs:OcpiIncrementalPullMinutes"), DutchTime);
        else
            recurring.RemoveIfExists(PullOcpiConnectionsJob.IncrementalId);
        if (!string.IsNullOrWhiteSpace(jobs.OcpiFullPullCron))
            recurring.AddOrUpdate<PullOcpiConnectionsJob>(PullOcpiConnectionsJob.FullId, job => job.EnqueueAsync("full", CancellationToken.None),
                JobSchedule.Checked(jobs.OcpiFullPullCron, "Jobs:OcpiFullPullCron"), DutchTime);
        else
            recurring.RemoveIfExists(PullOcpiConnectionsJob.FullId);

        if (!string.IsNullOrWhiteSpace(jobs.SmartChargingTestCron))
            recurring.AddOrUpdate<RunSmartChargingTestsJob>(RunSmartChargingTestsJob.StartId, job => job.StartAsync(CancellationToken.None),
                JobSchedule.Checked(jobs.SmartChargingTestCron, "Jobs:SmartChargingTestCron"), DutchTime);
        else
            recurring.RemoveIfExists(RunSmartChargingTestsJob.StartId);
        recurring.AddOrUpdate<RunSmartChargingTestsJob>(RunSmartChargingTestsJob.CompleteId, job => job.CompleteAsync(CancellationToken.None),
            JobSchedule.Every(TimeSpan.FromMinutes(jobs.SmartChargingCompletionMinutes), "Jobs:SmartChargingCompletionMinutes"), DutchTime);

        recurring.AddOrUpdate<ExpireChargingProfileRequestsJob>(ExpireChargingProfileRequestsJob.Id, job => job.RunAsync(CancellationToken.None),
            JobSchedule.Every(TimeSpan.FromSeconds(jobs.ChargingProfileExpirySeconds), "Jobs:ChargingProfileExpirySeconds"), DutchTime);
        recurring.AddOrUpdate<SendQueuedOcpiCallsJob>(SendQueuedOcpiCallsJob.Id, job => job.RunAsync(CancellationToken.None),
            JobSchedule.Every(TimeSpan.FromSeconds(jobs.OcpiCallsSeconds), "Jobs:OcpiCallsSeconds"), DutchTime);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
