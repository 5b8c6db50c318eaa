using Hangfire;
using Portal.Features.Assessment;

namespace Portal.Jobs;

/// <summary>
/// Once a day: mail each officer the assigned applications whose decision deadline is near or past (see
/// <see cref="DeadlineReminders"/>). Retried a few times: an application notes the day its reminder went out,
/// so a retry only mails what the failed run did not.
/// </summary>
internal sealed class RemindOfDeadlinesJob(DeadlineReminders reminders)
{
    public const string Id = "deadline-reminders";

    [JobDisplayName("Deadline reminders")]
    [AutomaticRetry(Attempts = 3)]
    [DisableConcurrentExecution(Id, 60)]
    public Task RunAsync(CancellationToken cancellationToken) => reminders.RunAsync(cancellationToken);
}
