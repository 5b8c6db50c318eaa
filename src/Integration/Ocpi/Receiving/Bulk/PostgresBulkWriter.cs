using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using Portal.Integration.Persistence;

namespace Portal.Integration.Ocpi.Receiving.Bulk;

/// <summary>
/// PostgreSQL: rows that are only appended go in with COPY in binary form (one stream per table, no SQL to
/// parse or plan); rows that must skip duplicates or return their generated keys take the multi-row INSERT.
/// </summary>
internal sealed class PostgresBulkWriter(PortalDbContext db) : IBulkWriter
{
    private readonly BulkWriter _insert = new(db, SqlDialect.Postgres);

    public async Task InsertAsync<T>(IReadOnlyList<T> rows, CancellationToken ct, Func<T, IProperty, object?>? valueOf = null)
        where T : class
    {
        if (rows.Count == 0)
            return;
        var table = Table.Of<T>(db);
        if (db.Database.GetDbConnection() is not NpgsqlConnection connection)
        {
            await _insert.InsertAsync(rows, ct, valueOf);
            return;
        }
        if (connection.State != System.Data.ConnectionState.Open)
            await db.Database.OpenConnectionAsync(ct);
        var name = table.Schema is null ? SqlDialect.Postgres.Quote(table.Name) : $"{SqlDialect.Postgres.Quote(table.Schema)}.{SqlDialect.Postgres.Quote(table.Name)}";
        var columns = string.Join(", ", table.Columns.Select(c => SqlDialect.Postgres.Quote(c.Name)));
        await using var importer = await connection.BeginBinaryImportAsync($"COPY {name} ({columns}) FROM STDIN (FORMAT BINARY)", ct);
        // Values go into the importer's buffer; it sends a full buffer on its own. Writing each value
        // asynchronously cost a task per value (some two million for a full pull of 50,000 locations).
        foreach (var row in rows)
        {
            ct.ThrowIfCancellationRequested();
            importer.StartRow();
            foreach (var column in table.Columns)
            {
                var value = valueOf?.Invoke(row, column.Property) ?? column.Property.GetGetter().GetClrValue(row);
                if (value is not null && column.Mapping.Converter is { } converter)
                    value = converter.ConvertToProvider(value);
                if (value is null)
                    importer.WriteNull();
                else
                    importer.Write(value);
            }
        }
        await importer.CompleteAsync(ct);
    }

    public Task InsertMissingAsync<T>(IReadOnlyList<T> rows, CancellationToken ct)
        where T : class => _insert.InsertMissingAsync(rows, ct);

    public Task<IReadOnlyList<object[]>> InsertReturningAsync<T>(IReadOnlyList<T> rows, IReadOnlyList<string> returned, CancellationToken ct, Func<T, IProperty, object?>? valueOf = null)
        where T : class => _insert.InsertReturningAsync(rows, returned, ct, valueOf);
}
