using System.Collections.Concurrent;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Portal.Jobs;

/// <summary>The last run of each job on this node, so a failing job shows up in /health rather than only in the log.</summary>
internal sealed class JobRunLog
{
    private readonly ConcurrentDictionary<string, JobRun> _runs = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, JobRun> Runs => _runs;

    public void Record(string job, DateTimeOffset at, string? error) => _runs[job] = new JobRun(at, error);
}

internal sealed record JobRun(DateTimeOffset AtUtc, string? Error)
{
    public bool Failed => Error is not null;
}

internal sealed class JobsHealthCheck(JobRunLog runs) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var failing = runs.Runs.Where(r => r.Value.Failed).Select(r => r.Key).Order(StringComparer.Ordinal).ToList();
        return Task.FromResult(failing.Count == 0
            ? HealthCheckResult.Healthy($"{runs.Runs.Count} job(s) ran without error")
            : HealthCheckResult.Degraded($"Last run failed: {string.Join(", ", failing)}"));
    }
}
