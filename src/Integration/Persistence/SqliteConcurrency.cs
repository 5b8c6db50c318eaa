using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Portal.Integration.Persistence;

/// <summary>
/// SQLite in write-ahead-log mode with synchronous=NORMAL, set on every connection the portal opens: readers
/// no longer block the one writer (nor it them), and a commit is an append to the log instead of a rewrite
/// of the journal with two fsyncs. Without it, concurrent OCPI pushes wait on each other's locks (SQLite's
/// busy loop sleeps) and a few dozen a second is the limit. WAL is stored in the file, so the first open
/// switches it; NORMAL is per connection. A committed transaction may be lost on a power cut (not on a crash
/// of the portal), never corrupted: what SQLite documents as safe for WAL. In-memory databases stay as they are.
/// </summary>
public sealed class SqliteConcurrency : DbConnectionInterceptor
{
    public static readonly SqliteConcurrency Instance = new();

    private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;";

    private SqliteConcurrency() { }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (IsFile(connection))
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (IsFile(connection))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static bool IsFile(DbConnection connection) =>
        connection is SqliteConnection sqlite
        && new SqliteConnectionStringBuilder(sqlite.ConnectionString) is var settings
        && settings.Mode != SqliteOpenMode.Memory
        && settings.DataSource is { Length: > 0 } source && source != ":memory:";
}
