using Portal.Integration.Ocpi.ChargingProfiles;
using Quartz;

namespace Portal.Jobs;

/// <summary>
/// Hands a queued outgoing OCPI call to <see cref="SendQueuedOcpiCallsJob"/> at once when this node
/// runs the scheduler, so the administrator's request returns without waiting for the CPO; delivers it
/// inline when the scheduler is off.
/// </summary>
internal sealed class OcpiCallStarter(IServiceProvider services, bool schedulerRuns)
{
    /// <summary>The request as it stands afterwards: still Queued when the job has it.</summary>
    public async Task<ChargingProfileRequest> StartAsync(ChargingProfileRequest queued, CancellationToken ct = default)
    {
        if (schedulerRuns && services.GetService<ISchedulerFactory>() is { } factory)
        {
            var scheduler = await factory.GetScheduler(ct);
            await scheduler.TriggerJob(SendQueuedOcpiCallsJob.Key, ct);
            return queued;
        }
        return await services.GetRequiredService<ChargingProfileDelivery>().DeliverAsync(queued.Id, ct) ?? queued;
    }
}
