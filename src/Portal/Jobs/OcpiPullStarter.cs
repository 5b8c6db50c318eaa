using Hangfire;
using Microsoft.EntityFrameworkCore;
using Portal.Integration.Ocpi.Pulling;
using Portal.Integration.Persistence;

namespace Portal.Jobs;

/// <summary>
/// Starts an administrator's "pull now": as a <see cref="PullOcpiConnectionJob"/> when this node runs
/// jobs, so the request returns at once and any node may run it; inline when jobs are off here.
/// </summary>
internal sealed class OcpiPullStarter(IServiceProvider services, bool jobsRun)
{
    /// <summary>Null when the pull was handed to the job server; the report when it ran here.</summary>
    public async Task<PullReport?> StartAsync(Guid connectionId, OcpiModule module, PullMode mode, CancellationToken ct = default)
    {
        if (jobsRun)
        {
            var name = await services.GetRequiredService<PortalDbContext>().OcpiConnections.AsNoTracking()
                .Where(c => c.Id == connectionId).Select(c => c.Name).FirstOrDefaultAsync(ct) ?? connectionId.ToString();
            var modeName = PullOcpiConnectionJob.Name(mode);
            services.GetRequiredService<IBackgroundJobClient>()
                .Enqueue<PullOcpiConnectionJob>(job => job.PullNowAsync(connectionId, name, module, modeName, CancellationToken.None));
            return null;
        }
        return await services.GetRequiredService<OcpiPuller>().PullAsync(connectionId, module, mode, ct);
    }
}
