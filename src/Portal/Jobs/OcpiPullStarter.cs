using Portal.Integration.Ocpi.Pulling;
using Quartz;

namespace Portal.Jobs;

/// <summary>
/// Starts an administrator's "pull now": as a one-off <see cref="PullOcpiNowJob"/> when this node
/// runs the scheduler, so the request returns at once; inline when the scheduler is off.
/// </summary>
internal sealed class OcpiPullStarter(IServiceProvider services, bool schedulerRuns)
{
    /// <summary>Null when the pull was handed to the scheduler; the report when it ran here.</summary>
    public async Task<PullReport?> StartAsync(Guid connectionId, OcpiModule module, PullMode mode, CancellationToken ct = default)
    {
        if (schedulerRuns && services.GetService<ISchedulerFactory>() is { } factory)
        {
            var scheduler = await factory.GetScheduler(ct);
            await scheduler.TriggerJob(PullOcpiNowJob.Key, PullOcpiNowJob.Data(connectionId, module, mode), ct);
            return null;
        }
        return await services.GetRequiredService<OcpiPuller>().PullAsync(connectionId, module, mode, ct);
    }
}
