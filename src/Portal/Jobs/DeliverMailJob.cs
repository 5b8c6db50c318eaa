using Portal.Integration.Mail;
using Quartz;

namespace Portal.Jobs;

/// <summary>Sends what is due in the mail outbox (see <see cref="MailOutboxDelivery"/>).</summary>
[DisallowConcurrentExecution]
internal sealed class DeliverMailJob(MailOutboxDelivery delivery, JobRunLog runs, TimeProvider clock, ILogger<DeliverMailJob> logger)
    : PortalJob(runs, clock, logger)
{
    protected override async Task RunAsync(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var report = await delivery.DeliverDueAsync(cancellationToken);
        if (report.Sent + report.Retrying + report.Failed > 0)
            logger.LogInformation("Mail outbox: {Sent} sent, {Retrying} to retry, {Failed} failed", report.Sent, report.Retrying, report.Failed);
    }
}
