using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Domain.Audits.IngestHealth;
using Portal.Integration.Persistence;

namespace Portal.Features.IngestHealth;

/// <summary>
/// Every node's heartbeat: one row per stretch of running, moved on every <see cref="IngestHealthOptions.IngestHeartbeatSeconds"/>.
/// A beat that cannot be written (the database away) is logged and the next one tries again; when the row was not
/// moved for longer than the gap, a new stretch starts, so the gap stays visible as time the portal was down.
/// </summary>
internal sealed class IngestHeartbeatService(IServiceScopeFactory scopes, IOptions<IngestHealthOptions> options, TimeProvider clock, ILogger<IngestHeartbeatService> logger)
    : BackgroundService
{
    private readonly string _node = $"{Environment.MachineName}/{Environment.ProcessId}";
    private long? _stretchId;
    private DateTime _lastBeat;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = TimeSpan.FromSeconds(Math.Max(1, options.Value.IngestHeartbeatSeconds));
        using var timer = new PeriodicTimer(every, TimeProvider.System);
        do
        {
            await BeatAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task BeatAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var now = clock.GetUtcNow().UtcDateTime;
            var gap = TimeSpan.FromSeconds(options.Value.IngestHeartbeatGapSeconds);
            if (_stretchId is { } id && now - _lastBeat <= gap
                && await db.IngestHeartbeats.Where(h => h.Id == id).ExecuteUpdateAsync(s => s.SetProperty(h => h.ToUtc, now), ct) == 1)
            {
                _lastBeat = now;
                return;
            }
            var stretch = IngestHeartbeat.Start(_node, now);
            db.IngestHeartbeats.Add(stretch);
            await db.SaveChangesAsync(ct);
            (_stretchId, _lastBeat) = (stretch.Id, now);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // The missed beat is the record: the gap it leaves shows the portal could not write.
            logger.LogWarning(e, "The ingest heartbeat of {Node} could not be written", _node);
        }
    }
}
