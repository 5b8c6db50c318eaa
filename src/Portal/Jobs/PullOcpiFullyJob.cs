using Portal.Integration.Ocpi.Pulling;
using Quartz;

namespace Portal.Jobs;

/// <summary>Once a night: pull everything from every connected CPO, so what a CPO dropped without telling us is retired (see <see cref="OcpiPuller"/>).</summary>
[DisallowConcurrentExecution]
internal sealed class PullOcpiFullyJob(OcpiPuller puller, JobRunLog runs, TimeProvider clock, ILogger<PullOcpiFullyJob> logger)
    : PortalJob(runs, clock, logger)
{
    protected override Task RunAsync(IJobExecutionContext context, CancellationToken cancellationToken) =>
        puller.PullAllAsync(PullMode.Full, cancellationToken);
}
