using Portal.Integration.Ocpi.Pulling;
using Quartz;

namespace Portal.Jobs;

/// <summary>Every few minutes: pull what changed from every connected CPO, every module it sends (see <see cref="OcpiPuller"/>).</summary>
[DisallowConcurrentExecution]
internal sealed class PullOcpiIncrementallyJob(OcpiPuller puller, JobRunLog runs, TimeProvider clock, ILogger<PullOcpiIncrementallyJob> logger)
    : PortalJob(runs, clock, logger)
{
    protected override Task RunAsync(IJobExecutionContext context, CancellationToken cancellationToken) =>
        puller.PullAllAsync(PullMode.Incremental, cancellationToken);
}
