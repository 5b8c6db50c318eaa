using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using Portal.Integration.Persistence;

namespace Portal.Integration.Changes;

/// <summary>
/// The database side of <see cref="LiveChanges"/>: this node's changes raise the topic's counter in
/// <c>ChangeSignals</c>, and a counter that moved without this node raising it means another node
/// changed something. Singleton; each call uses a context of its own.
/// </summary>
public sealed class ChangeSignals(IServiceScopeFactory scopes, LiveChanges changes, TimeProvider clock)
{
    private readonly Dictionary<ChangeTopic, long> _seen = [];
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    /// <summary>Raises this node's marked topics here, then counts them in the database for the other nodes.</summary>
    public async Task FlushAsync(CancellationToken ct = default)
    {
        var topics = changes.TakeMarked();
        if (topics.Count == 0)
            return;
        await changes.RaiseAsync(topics);
        await _oneAtATime.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var topic in topics)
            {
                // Raising and reading back in one transaction: the counter is locked between the two, so a
                // value one above the last seen means no other node counted in between.
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                await db.ChangeSignals.Where(s => s.Topic == topic)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.Version, x => x.Version + 1).SetProperty(x => x.ChangedAtUtc, now), ct);
                var version = await db.ChangeSignals.Where(s => s.Topic == topic).Select(s => s.Version).SingleAsync(ct);
                await transaction.CommitAsync(ct);
                if (_seen.TryGetValue(topic, out var seen) && version == seen + 1)
                    _seen[topic] = version;
            }
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    /// <summary>Reads every counter and raises the topics another node moved since the last read.</summary>
    public async Task PollAsync(CancellationToken ct = default)
    {
        List<ChangeTopic> moved = [];
        await _oneAtATime.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var counters = await db.ChangeSignals.AsNoTracking().Select(s => new { s.Topic, s.Version }).ToListAsync(ct);
            foreach (var counter in counters)
            {
                if (_seen.TryGetValue(counter.Topic, out var seen) && seen != counter.Version)
                    moved.Add(counter.Topic);
                _seen[counter.Topic] = counter.Version;
            }
        }
        finally
        {
            _oneAtATime.Release();
        }
        await changes.RaiseAsync(moved);
    }
}
