using System.Globalization;
using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Portal.Jobs;

/// <summary>
/// The jobs entry of /health: the job servers of all nodes with their last heartbeat, and how many jobs are in
/// Hangfire's failed list. Degraded when a job failed for good, or when no server is alive although this node
/// should run one.
/// </summary>
internal sealed class JobsHealthCheck(JobStorage storage, JobsOptions jobs) : IHealthCheck
{
    /// <summary>A server beats every 30 s; one silent for longer than this is not counted as alive.</summary>
    private static readonly TimeSpan AliveWithin = TimeSpan.FromMinutes(2);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var monitoring = storage.GetMonitoringApi();
        var now = DateTime.UtcNow;   // heartbeats are real time, whatever clock the portal reads
        var servers = monitoring.Servers()
            .Select(s => new { s.Name, s.Heartbeat, Alive = s.Heartbeat is { } beat && now - beat < AliveWithin })
            .OrderBy(s => s.Name, StringComparer.Ordinal)
            .ToList();
        var alive = servers.Count(s => s.Alive);
        var failed = monitoring.FailedCount();

        var data = new Dictionary<string, object>
        {
            ["failedJobs"] = failed,
            ["servers"] = servers.Select(s => new
            {
                name = s.Name,
                alive = s.Alive,
                lastHeartbeatUtc = s.Heartbeat?.ToString("O", CultureInfo.InvariantCulture),
            }).ToList(),
        };
        var description = string.Create(CultureInfo.InvariantCulture, $"{alive} of {servers.Count} job server(s) alive, {failed} failed job(s)");
        if (failed > 0)
            return Task.FromResult(HealthCheckResult.Degraded($"{description}: see /admin/jobs", data: data));
        if (jobs.Enabled && alive == 0)
            return Task.FromResult(HealthCheckResult.Degraded($"{description}: this node should run one", data: data));
        return Task.FromResult(HealthCheckResult.Healthy(description, data));
    }
}
