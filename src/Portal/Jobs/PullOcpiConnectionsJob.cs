using Hangfire;
using Microsoft.EntityFrameworkCore;
using Portal.Integration.Ocpi.Connections;
using Portal.Integration.Persistence;

namespace Portal.Jobs;

/// <summary>
/// The scheduled OCPI pulls (incremental every few minutes, full once a night): enqueues one
/// <see cref="PullOcpiConnectionJob"/> per live connection, so each connection's pull has its own name,
/// retries and failure in the dashboard, and one slow CPO does not hold up the others.
/// </summary>
internal sealed class PullOcpiConnectionsJob(PortalDbContext db, IBackgroundJobClient jobs)
{
    public const string IncrementalId = "ocpi-pull-incremental";
    public const string FullId = "ocpi-pull-full";

    [JobDisplayName("OCPI pulls: every connection, {0}")]
    [AutomaticRetry(Attempts = 0)]
    [SkipIfRunning("ocpi-pull-dispatch")]
    public async Task EnqueueAsync(string mode, CancellationToken cancellationToken)
    {
        var connections = await db.OcpiConnections.AsNoTracking()
            .Where(c => (c.Status == OcpiConnectionStatus.Connected || c.Status == OcpiConnectionStatus.Failing) && c.PartnerTokenProtected != null)
            .OrderBy(c => c.Name)
            .Select(c => new { c.Id, c.Name })
            .ToListAsync(cancellationToken);
        foreach (var connection in connections)
            jobs.Enqueue<PullOcpiConnectionJob>(job => job.PullAsync(connection.Id, connection.Name, mode, CancellationToken.None));
    }
}
