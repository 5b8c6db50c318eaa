using Microsoft.EntityFrameworkCore;

namespace Portal.Integration.Persistence;

/// <summary>
/// Saving a change to a row guarded by a concurrency token: when another writer saved the row first,
/// the row is read again and the change applied on top of what that writer left (a few times at most).
/// </summary>
internal static class ConcurrentSave
{
    private const int MaxAttempts = 5;

    /// <summary>False when <paramref name="apply"/> declines (returns false) for the row as it now stands; nothing is saved then.</summary>
    public static async Task<bool> ApplyAndSaveAsync<T>(this PortalDbContext db, T entity, Func<T, bool> apply, CancellationToken ct) where T : class
    {
        for (var attempt = 1; ; attempt++)
        {
            if (!apply(entity))
                return false;
            try
            {
                await db.SaveChangesAsync(ct);
                return true;
            }
            catch (DbUpdateConcurrencyException) when (attempt < MaxAttempts)
            {
                await db.Entry(entity).ReloadAsync(ct);
            }
        }
    }
}
