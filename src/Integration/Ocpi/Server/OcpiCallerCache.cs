using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Portal.Integration.Ocpi.Connections;

namespace Portal.Integration.Ocpi.Server;

/// <summary>
/// The connection behind an Authorization header, remembered for a few seconds so that a CPO pushing
/// thousands of status updates does not cost two SHA-256 and a query each. Only a connected connection's own
/// token (not token A) is remembered, and only for the modules that do not change the connection (the
/// credentials module always reads it afresh). The connection kept is a detached copy, read only.
/// <para>
/// On this node any saved change to a connection other than its "last reached" time (a revocation, a new
/// token, strict validation switched) forgets everything at once (<see cref="Interceptor"/>). Other nodes
/// cannot tell: there an entry lives at most <see cref="Lifetime"/>, so a revoked or rotated token works
/// there for at most that long. A stamp checked per request would be a query per request again, which is
/// what this saves; a few seconds is well under the minutes a CPO takes to notice a revocation anyway.
/// </para>
/// </summary>
public sealed class OcpiCallerCache(TimeProvider clock)
{
    /// <summary>How long another node may still accept a token revoked or rotated on this one.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    /// <summary>Enough for every CPO of a country; past it the cache starts empty again rather than grow.</summary>
    private const int MaxEntries = 10_000;

    // Bumped by every change to a connection saved in this process; an entry from before a bump is not used.
    private static long _generation;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>The SaveChanges interceptor that forgets cached callers when a connection's credentials or state change.</summary>
    public static IInterceptor Interceptor { get; } = new ConnectionChanges();

    public AuthenticatedConnection? Find(string? authorization)
    {
        if (authorization is null || !_entries.TryGetValue(authorization, out var entry))
            return null;
        if (entry.Generation != Interlocked.Read(ref _generation) || clock.GetUtcNow().UtcDateTime >= entry.ExpiresAtUtc)
        {
            _entries.TryRemove(KeyValuePair.Create(authorization, entry));
            return null;
        }
        return entry.Caller;
    }

    /// <summary>
    /// Remembers a caller just read from the database. <paramref name="generation"/> is the stamp read before
    /// that query (<see cref="Generation"/>), so a change saved meanwhile keeps the entry from being used.
    /// </summary>
    public void Remember(string? authorization, AuthenticatedConnection caller, long generation, DateTime reachedExpiresAtUtc)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (authorization is null || caller.WithTokenA || caller.Connection.Status != OcpiConnectionStatus.Connected)
            return;
        if (_entries.Count >= MaxEntries)
            _entries.Clear();
        var expires = clock.GetUtcNow().UtcDateTime + Lifetime;
        _entries[authorization] = new Entry(caller, generation, expires < reachedExpiresAtUtc ? expires : reachedExpiresAtUtc);
    }

    /// <summary>The current stamp, to read before looking a caller up in the database.</summary>
    public static long Generation => Interlocked.Read(ref _generation);

    /// <summary>Forgets every cached caller in this process.</summary>
    public static void Forget() => Interlocked.Increment(ref _generation);

    private sealed record Entry(AuthenticatedConnection Caller, long Generation, DateTime ExpiresAtUtc);

    /// <summary>Forgets the cache before and after a save that changes a connection other than by its "last reached" time.</summary>
    private sealed class ConnectionChanges : SaveChangesInterceptor
    {
        public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
        {
            Check(eventData.Context);
            return result;
        }

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Check(eventData.Context);
            return ValueTask.FromResult(result);
        }

        public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
        {
            Check(eventData.Context, after: true);
            return result;
        }

        public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            Check(eventData.Context, after: true);
            return ValueTask.FromResult(result);
        }

        // The entries' states are read before the save; after it they are Unchanged, so the decision is kept.
        private readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbContext, object> _changed = [];

        private void Check(DbContext? context, bool after = false)
        {
            if (context is null)
                return;
            if (after)
            {
                if (_changed.TryGetValue(context, out _))
                {
                    _changed.Remove(context);
                    Forget();
                }
                return;
            }
            foreach (var entry in context.ChangeTracker.Entries<OcpiConnection>())
            {
                var changed = entry.State is EntityState.Added or EntityState.Deleted
                    || (entry.State == EntityState.Modified && entry.Properties.Any(p => p.IsModified
                        && p.Metadata.Name is not nameof(OcpiConnection.LastReachedAtUtc)));
                if (changed)
                {
                    Forget();
                    _changed.AddOrUpdate(context, context);
                    return;
                }
            }
        }
    }
}
