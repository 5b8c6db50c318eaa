using Portal.Features.Assessment;
using Quartz;

namespace Portal.Jobs;

/// <summary>Once a day: mail each officer the assigned applications whose decision deadline is near or past (see <see cref="DeadlineReminders"/>).</summary>
[DisallowConcurrentExecution]
internal sealed class RemindOfDeadlinesJob(DeadlineReminders reminders, JobRunLog runs, TimeProvider clock, ILogger<RemindOfDeadlinesJob> logger)
    : PortalJob(runs, clock, logger)
{
    protected override Task RunAsync(IJobExecutionContext context, CancellationToken cancellationToken) => reminders.RunAsync(cancellationToken);
}
