using Microsoft.EntityFrameworkCore;
using Portal.Integration.Persistence;

namespace Portal.Integration.Ocpi.Pulling;

/// <summary>Keeps the books of pulls: the run (begun, progress per page, finished) and the checkpoint an incremental pull starts from.</summary>
public sealed class OcpiPullRecorder(PortalDbContext db, TimeProvider clock)
{
    /// <summary>
    /// Starts a run. One pull of a module runs at a time (on every node: the job holds a lock per connection),
    /// so a run still marked running was left by a node that stopped mid-pull; this pull takes over from the checkpoint.
    /// </summary>
    public async Task<OcpiPullRun> BeginAsync(Guid connectionId, OcpiModule module, PullMode mode, DateTime started, CancellationToken ct)
    {
        var leftBehind = await db.OcpiPullRuns.Where(r => r.ConnectionId == connectionId && r.Module == module && r.Outcome == PullOutcome.Running).ToListAsync(ct);
        foreach (var left in leftBehind)
            left.Fail(OcpiPullRun.LeftBehind, null, started);
        var run = OcpiPullRun.Begin(connectionId, module, mode, started);
        db.OcpiPullRuns.Add(run);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return run;
    }

    public Task ProgressAsync(OcpiPullRun run, PullProgress progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(progress);
        var (pages, objects, refused, flagged) = (progress.Pages, progress.Objects, progress.RefusedCount, progress.Flagged);
        return db.OcpiPullRuns.Where(r => r.Id == run.Id).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Pages, pages).SetProperty(r => r.Objects, objects)
            .SetProperty(r => r.Refused, refused).SetProperty(r => r.Flagged, flagged), ct);
    }

    /// <summary>Where an incremental pull starts: the date_to of the last completed pull.</summary>
    public async Task<DateTime?> NextDateFromAsync(Guid connectionId, OcpiModule module, CancellationToken ct) =>
        (await db.OcpiPullCheckpoints.AsNoTracking().FirstOrDefaultAsync(c => c.ConnectionId == connectionId && c.Module == module, ct))?.NextDateFromUtc;

    /// <summary>A completed pull moves the checkpoint on and marks the CPO reachable.</summary>
    public async Task CompleteAsync(Guid connectionId, OcpiModule module, PullMode mode, DateTime started, DateTime? maxSeen, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var checkpoint = await db.OcpiPullCheckpoints.FirstOrDefaultAsync(c => c.ConnectionId == connectionId && c.Module == module, ct);
        if (checkpoint is null)
        {
            checkpoint = OcpiPullCheckpoint.Start(connectionId, module);
            db.OcpiPullCheckpoints.Add(checkpoint);
        }
        checkpoint.Complete(mode, started, maxSeen, clock.GetUtcNow().UtcDateTime);
        var connection = await db.OcpiConnections.FirstAsync(c => c.Id == connectionId, ct);
        connection.MarkPartnerReachable(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Ends the run with its counts, keeping the reasons of the first refused objects (<see cref="OcpiPullRefusal"/>).</summary>
    public async Task<PullReport> FinishAsync(OcpiPullRun run, PullOutcome outcome, string? message, string? requestId, PullProgress progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(progress);
        var (pages, objects) = (progress.Pages, progress.Objects);
        db.ChangeTracker.Clear();
        var tracked = await db.OcpiPullRuns.FirstAsync(r => r.Id == run.Id, ct);
        tracked.Progress(pages, objects);
        tracked.Count(progress.RefusedCount, progress.Flagged);
        var reasons = progress.Refused.SelectMany(r => r.Reasons.Select(reason => OcpiPullRefusal.Of(run.Id, r.ObjectId, reason))).Take(OcpiPullRefusal.PerRun);
        db.OcpiPullRefusals.AddRange(reasons);
        var now = clock.GetUtcNow().UtcDateTime;
        if (outcome == PullOutcome.Succeeded)
        {
            tracked.Succeed(now);
            if (message is not null)
                tracked.Note(message);
        }
        else
        {
            tracked.Fail(message ?? "failed", requestId, now, outcome);
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return new PullReport(run.ConnectionId, run.Module, run.Mode, outcome, pages, objects, message, requestId)
        {
            Refused = progress.RefusedCount,
            Flagged = progress.Flagged,
        };
    }
}
