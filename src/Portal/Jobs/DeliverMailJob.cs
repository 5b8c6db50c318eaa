using Hangfire;
using Portal.Integration.Mail;

namespace Portal.Jobs;

/// <summary>
/// Sends what is due in the mail outbox (see <see cref="MailOutboxDelivery"/>). Never retried by Hangfire:
/// the outbox retries each message itself, and a retried run could send a message twice.
/// </summary>
internal sealed class DeliverMailJob(MailOutboxDelivery delivery, ILogger<DeliverMailJob> logger)
{
    public const string Id = "mail-outbox";

    [JobDisplayName("Mail outbox")]
    [AutomaticRetry(Attempts = 0)]
    [SkipIfRunning(Id)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var report = await delivery.DeliverDueAsync(cancellationToken);
        if (report.Sent + report.Retrying + report.Failed > 0)
            logger.LogInformation("Mail outbox: {Sent} sent, {Retrying} to retry, {Failed} failed", report.Sent, report.Retrying, report.Failed);
    }
}
