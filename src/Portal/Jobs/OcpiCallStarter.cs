using Hangfire;
using Portal.Integration.Ocpi.ChargingProfiles;

namespace Portal.Jobs;

/// <summary>
/// Hands a queued outgoing OCPI call to <see cref="SendQueuedOcpiCallsJob"/> at once when this node
/// runs jobs, so the administrator's request returns without waiting for the CPO; delivers it
/// inline when jobs are off here.
/// </summary>
internal sealed class OcpiCallStarter(IServiceProvider services, bool jobsRun)
{
    /// <summary>The request as it stands afterwards: still Queued when the job has it.</summary>
    public async Task<ChargingProfileRequest> StartAsync(ChargingProfileRequest queued, CancellationToken ct = default)
    {
        if (jobsRun)
        {
            services.GetRequiredService<IBackgroundJobClient>().Enqueue<SendQueuedOcpiCallsJob>(job => job.RunNowAsync(CancellationToken.None));
            return queued;
        }
        return await services.GetRequiredService<ChargingProfileDelivery>().DeliverAsync(queued.Id, ct) ?? queued;
    }
}
