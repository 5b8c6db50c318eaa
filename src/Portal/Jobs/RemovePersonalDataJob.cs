using Portal.Features.Applications;
using Quartz;

namespace Portal.Jobs;

/// <summary>Once a day (at night): remove personal data of applications closed longer than the retention period (see <see cref="ApplicationRetention"/>).</summary>
[DisallowConcurrentExecution]
internal sealed class RemovePersonalDataJob(ApplicationRetention retention, JobRunLog runs, TimeProvider clock, ILogger<RemovePersonalDataJob> logger)
    : PortalJob(runs, clock, logger)
{
    protected override Task RunAsync(IJobExecutionContext context, CancellationToken cancellationToken) => retention.RunAsync(cancellationToken);
}
