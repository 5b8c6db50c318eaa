using Hangfire;
using Portal.Features.Assessment;
using Portal.Features.TrafficOrders.Objections;

namespace Portal.Jobs;

/// <summary>
/// Once a day: mail each officer the assigned applications whose decision deadline is near or past (see
/// <see cref="DeadlineReminders"/>), and the objections to their traffic orders whose decision day is (see
/// <see cref="ObjectionReminders"/>). Retried a few times: an application or objection notes the day its
/// reminder went out, so a retry only mails what the failed run did not.
/// </summary>
internal sealed class RemindOfDeadlinesJob(DeadlineReminders applications, ObjectionReminders objections)
{
    public const string Id = "deadline-reminders";

    [JobDisplayName("Deadline reminders")]
    [AutomaticRetry(Attempts = 3)]
    [DisableConcurrentExecution(Id, 60)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await applications.RunAsync(cancellationToken);
        await objections.RunAsync(cancellationToken);
    }
}
