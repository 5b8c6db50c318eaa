using Microsoft.Extensions.Options;
using Portal.Integration.Changes;

namespace Portal.Hosting;

/// <summary>
/// Ticks <see cref="ChangeSignals"/>: every <see cref="BackOfficeOptions.LiveFlushMilliseconds"/> this node's
/// changes are raised and counted, every <see cref="BackOfficeOptions.LivePollSeconds"/> the other nodes'
/// changes are read (only while a page follows something). Runs on real time, not the portal's
/// <see cref="TimeProvider"/>: it is about how soon a screen refreshes, not about the date of anything.
/// </summary>
internal sealed class LiveChangesLoop(ChangeSignals signals, LiveChanges changes, IOptions<BackOfficeOptions> options, ILogger<LiveChangesLoop> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var flushEvery = TimeSpan.FromMilliseconds(Math.Max(50, options.Value.LiveFlushMilliseconds));
        var pollEvery = TimeSpan.FromSeconds(Math.Max(0.1, options.Value.LivePollSeconds));
        var lastPoll = TimeSpan.Zero;
        var started = TimeProvider.System.GetTimestamp();
        using var timer = new PeriodicTimer(flushEvery, TimeProvider.System);
        do
        {
            try
            {
                await signals.FlushAsync(stoppingToken);
                var elapsed = TimeProvider.System.GetElapsedTime(started);
                if (elapsed - lastPoll >= pollEvery && changes.HasSubscribers)
                {
                    lastPoll = elapsed;
                    await signals.PollAsync(stoppingToken);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // The database may be away for a moment (or not migrated yet): pages then simply refresh later.
                logger.LogWarning(e, "Live changes could not be exchanged with the database");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
