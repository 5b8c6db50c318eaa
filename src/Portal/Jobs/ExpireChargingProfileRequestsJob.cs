using Portal.Integration.Ocpi.ChargingProfiles;
using Quartz;

namespace Portal.Jobs;

/// <summary>Every minute: charging-profile requests the CPO ACCEPTED but whose result did not come within its timeout become NoResult.</summary>
[DisallowConcurrentExecution]
internal sealed class ExpireChargingProfileRequestsJob(ChargingProfileSender sender, JobRunLog runs, TimeProvider clock, ILogger<ExpireChargingProfileRequestsJob> logger)
    : PortalJob(runs, clock, logger)
{
    protected override Task RunAsync(IJobExecutionContext context, CancellationToken cancellationToken) => sender.ExpireAsync(cancellationToken);
}
