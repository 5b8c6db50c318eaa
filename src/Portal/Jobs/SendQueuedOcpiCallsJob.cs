using Portal.Integration.Ocpi.ChargingProfiles;
using Quartz;

namespace Portal.Jobs;

/// <summary>
/// Every few seconds, and at once when an administrator queues a call: makes the queued outgoing OCPI
/// calls (charging profiles) that are due, retrying the ones whose last attempt failed for a passing reason.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class SendQueuedOcpiCallsJob(ChargingProfileDelivery delivery, JobRunLog runs, TimeProvider clock, ILogger<SendQueuedOcpiCallsJob> logger)
    : PortalJob(runs, clock, logger)
{
    public static readonly JobKey Key = new(nameof(SendQueuedOcpiCallsJob));

    protected override async Task RunAsync(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var report = await delivery.DeliverDueAsync(cancellationToken);
        if (report.Answered + report.Retrying + report.Failed > 0)
            logger.LogInformation("Queued OCPI calls: {Answered} answered, {Retrying} to retry, {Failed} failed", report.Answered, report.Retrying, report.Failed);
    }
}
