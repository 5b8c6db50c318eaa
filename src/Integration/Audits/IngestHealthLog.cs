using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Domain.Audits.IngestHealth;
using Portal.Integration.Persistence;

namespace Portal.Integration.Audits;

/// <summary>
/// Writes the portal's own ingest failures (uptime metric input I8) in a database context of its own, so a failure
/// that broke the caller's context is still recorded. When even this write fails (the database is away), the failure
/// is logged and left: the heartbeat then shows the gap, which the metric reads as the portal being down.
/// </summary>
public sealed class IngestHealthLog(IServiceScopeFactory scopes, TimeProvider clock, ILogger<IngestHealthLog> logger)
{
    public async Task RecordFailureAsync(Guid? connectionId, IngestFailureKind kind, DateTime fromUtc, string detail)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            db.IngestFailures.Add(IngestFailure.Record(connectionId, kind, fromUtc, clock.GetUtcNow().UtcDateTime, detail));
            await db.SaveChangesAsync(CancellationToken.None);
        }
#pragma warning disable CA1031 // the failure being recorded is already handled by the caller; this record must not replace it
        catch (Exception e)
#pragma warning restore CA1031
        {
            logger.LogWarning(e, "Could not record a {Kind} failure of connection {Connection} in the ingest-health log", kind, connectionId);
        }
    }
}
