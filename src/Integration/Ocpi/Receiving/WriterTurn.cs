using Microsoft.EntityFrameworkCore;
using Portal.Integration.Persistence;

namespace Portal.Integration.Ocpi.Receiving;

/// <summary>
/// SQLite has one writer at a time, and a writer that finds the database locked sleeps before it tries
/// again: under many concurrent pushes most of the time went to those sleeps. Here the pushes of this
/// node take turns in memory instead, each waiting exactly as long as the one before it writes. Other
/// databases write at once.
/// </summary>
internal static class WriterTurn
{
    private static readonly SemaphoreSlim SqliteWriter = new(1, 1);

    public static async Task<bool> TakeAsync(PortalDbContext db, Func<Task<bool>> write)
    {
        if (!db.Database.IsSqlite())
            return await write();
        await SqliteWriter.WaitAsync();
        try
        {
            return await write();
        }
        finally
        {
            SqliteWriter.Release();
        }
    }
}
