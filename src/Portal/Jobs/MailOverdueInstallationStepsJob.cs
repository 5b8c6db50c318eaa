using Hangfire;
using Portal.Features.Installations.Overdue;

namespace Portal.Jobs;

/// <summary>
/// Every working morning: mail the CPO's users and the municipality's officers each installation step that became
/// overdue (see <see cref="OverdueStepMails"/>). Retried a few times: what was mailed is recorded per step and due
/// day, so a retry only mails what the failed run did not.
/// </summary>
internal sealed class MailOverdueInstallationStepsJob(OverdueStepMails overdue)
{
    public const string Id = "installation-overdue-steps";

    [JobDisplayName("Overdue installation steps")]
    [AutomaticRetry(Attempts = 3)]
    [DisableConcurrentExecution(Id, 60)]
    public Task RunAsync(CancellationToken cancellationToken) => overdue.RunAsync(cancellationToken);
}
