using Hangfire;
using Portal.Integration.Ocpi.ChargingProfiles;

namespace Portal.Jobs;

/// <summary>
/// Every few seconds, and at once when an administrator queues a call: makes the queued outgoing OCPI
/// calls (charging profiles) that are due. Not retried by Hangfire: <see cref="ChargingProfileDelivery"/>
/// retries each call that failed for a passing reason itself.
/// </summary>
internal sealed class SendQueuedOcpiCallsJob(ChargingProfileDelivery delivery, ILogger<SendQueuedOcpiCallsJob> logger)
{
    public const string Id = "ocpi-calls";

    [JobDisplayName("Queued OCPI calls")]
    [AutomaticRetry(Attempts = 0)]
    [SkipIfRunning(Id)]
    public Task RunAsync(CancellationToken cancellationToken) => DeliverAsync(cancellationToken);

    /// <summary>Started by an administrator's new call: waits for a run under way rather than being dropped, so the call goes out now.</summary>
    [JobDisplayName("Queued OCPI calls (new call)")]
    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution("skip-if-running:" + Id, 60)]
    public Task RunNowAsync(CancellationToken cancellationToken) => DeliverAsync(cancellationToken);

    private async Task DeliverAsync(CancellationToken cancellationToken)
    {
        var report = await delivery.DeliverDueAsync(cancellationToken);
        if (report.Answered + report.Retrying + report.Failed > 0)
            logger.LogInformation("Queued OCPI calls: {Answered} answered, {Retrying} to retry, {Failed} failed", report.Answered, report.Retrying, report.Failed);
    }
}
