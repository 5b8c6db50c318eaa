using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Portal.Integration.Persistence;

namespace Portal.Integration.Ocpi.Receiving.Bulk;

/// <summary>
/// Writes rows of mapped entities with multi-row INSERT statements on the context's connection and
/// transaction, past EF Core's change tracker: tables, columns and value conversions come from the model,
/// values go as parameters. The dialect of a provider (<see cref="SqlDialect"/>) says how to quote, how
/// many parameters a statement may carry, and how to return generated keys or skip duplicates.
/// </summary>
internal sealed class BulkWriter(PortalDbContext db, SqlDialect dialect) : IBulkWriter
{
    public static IBulkWriter For(PortalDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var provider = db.Database.ProviderName ?? "";
        if (provider.Contains("Npgsql", StringComparison.Ordinal))
            return new PostgresBulkWriter(db);
        return new BulkWriter(db, provider.Contains("SqlServer", StringComparison.Ordinal) ? SqlDialect.SqlServer : SqlDialect.Sqlite);
    }

    public Task InsertAsync<T>(IReadOnlyList<T> rows, CancellationToken ct, Func<T, IProperty, object?>? valueOf = null)
        where T : class =>
        WriteAsync(Table.Of<T>(db), rows, duplicateKey: null, returning: null, ct, valueOf);

    public Task InsertMissingAsync<T>(IReadOnlyList<T> rows, CancellationToken ct)
        where T : class
    {
        var table = Table.Of<T>(db);
        return WriteAsync(table, rows, duplicateKey: table.Key, returning: null, ct);
    }

    public async Task<IReadOnlyList<object[]>> InsertReturningAsync<T>(IReadOnlyList<T> rows, IReadOnlyList<string> returned, CancellationToken ct, Func<T, IProperty, object?>? valueOf = null)
        where T : class
    {
        var table = Table.Of<T>(db);
        var columns = returned.Select(table.ColumnOf).ToList();
        var result = new List<object[]>(rows.Count);
        await WriteAsync(table, rows, duplicateKey: null, (columns, result), ct, valueOf);
        return result;
    }

    private async Task WriteAsync<T>(Table table, IReadOnlyList<T> rows, IReadOnlyList<IProperty>? duplicateKey, (List<string> Columns, List<object[]> Into)? returning, CancellationToken ct, Func<T, IProperty, object?>? valueOf = null)
        where T : class
    {
        if (rows.Count == 0)
            return;
        var perStatement = Math.Max(1, Math.Min(dialect.MaxRowsPerStatement, dialect.MaxParameters / table.Columns.Count));
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
            await db.Database.OpenConnectionAsync(ct);
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        // Statements of the same size share one command: prepared once, only the values change.
        DbCommand? command = null;
        var commandRows = -1;
        try
        {
            for (var first = 0; first < rows.Count; first += perStatement)
            {
                var count = Math.Min(perStatement, rows.Count - first);
                var fresh = command is null || commandRows != count;
                if (fresh)
                {
                    if (command is not null)
                        await command.DisposeAsync();
                    command = connection.CreateCommand();
                    command.Transaction = transaction;
                    command.CommandText = dialect.Insert(table, count, duplicateKey, returning?.Columns);
                    commandRows = count;
                }
                var p = 0;
                for (var r = first; r < first + count; r++)
                {
                    foreach (var column in table.Columns)
                    {
                        var value = valueOf?.Invoke(rows[r], column.Property) ?? column.Property.GetGetter().GetClrValue(rows[r]);
                        if (fresh)
                            command!.Parameters.Add(column.Mapping.CreateParameter(command, "@p" + p.ToString(System.Globalization.CultureInfo.InvariantCulture), value, column.Property.IsNullable));
                        else
                            command!.Parameters[p].Value = (column.Mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value) ?? DBNull.Value;
                        p++;
                    }
                }
                if (returning is not { } into)
                {
                    // SQLite runs in the process: its async call is the sync one wrapped in a task, per row.
                    if (dialect.InProcess)
                        command!.ExecuteNonQuery();
                    else
                        await command!.ExecuteNonQueryAsync(ct);
                    continue;
                }
                await using var reader = await command!.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    var values = new object[into.Columns.Count];
                    reader.GetValues(values);
                    into.Into.Add(values);
                }
            }
        }
        finally
        {
            if (command is not null)
                await command.DisposeAsync();
        }
    }
}

/// <summary>A table of the model as the bulk writer sees it: the columns it writes (all but a store-generated integer key).</summary>
internal sealed class Table
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(IModel, Type), Table> Tables = new();

    private Table(string name, string? schema, IReadOnlyList<Column> columns, IReadOnlyList<IProperty> key, Func<IProperty, string> columnName)
    {
        Name = name;
        Schema = schema;
        Columns = columns;
        Key = key;
        ColumnNameOf = columnName;
    }

    public string Name { get; }
    public string? Schema { get; }
    public IReadOnlyList<Column> Columns { get; }
    public IReadOnlyList<IProperty> Key { get; }
    public Func<IProperty, string> ColumnNameOf { get; }

    public string ColumnOf(string propertyName) => Key.Concat(Columns.Select(c => c.Property)).First(p => p.Name == propertyName) is { } property
        ? ColumnNameOf(property)
        : throw new InvalidOperationException($"{Name} has no property {propertyName}.");

    public static Table Of<T>(DbContext db) => Tables.GetOrAdd((db.Model, typeof(T)), static key =>
    {
        var type = key.Item1.FindEntityType(key.Item2) ?? throw new InvalidOperationException($"{key.Item2.Name} is not in the model.");
        var name = type.GetTableName()!;
        var schema = type.GetSchema();
        var store = StoreObjectIdentifier.Table(name, schema);
        var primaryKey = type.FindPrimaryKey()!.Properties;
        var columns = new List<Column>();
        foreach (var property in type.GetProperties())
        {
            if (property.IsShadowProperty())
                throw new InvalidOperationException($"{type.DisplayName()}.{property.Name} is a shadow property; the bulk writer reads CLR properties only.");
            var generated = property.IsPrimaryKey() && property.ValueGenerated == ValueGenerated.OnAdd
                && (property.ClrType == typeof(long) || property.ClrType == typeof(int));
            if (!generated)
                columns.Add(new Column(property, property.GetColumnName(store)!, (Microsoft.EntityFrameworkCore.Storage.RelationalTypeMapping)property.GetRelationalTypeMapping()));
        }
        return new Table(name, schema, columns, primaryKey, p => p.GetColumnName(store)!);
    });
}

internal sealed record Column(IProperty Property, string Name, RelationalTypeMapping Mapping);

/// <summary>How a provider spells a multi-row INSERT and how many parameters one may carry.</summary>
internal sealed class SqlDialect
{
    // SQLite runs in the process, so a statement costs no round trip; but Microsoft.Data.Sqlite finds each
    // parameter by name in a list as long as the statement's, which makes a wide multi-row statement
    // quadratic. One prepared row at a time, its values changed, is the fastest way in.
    public static readonly SqlDialect Sqlite = new(maxParameters: 30_000, maxRowsPerStatement: 1, sqlServer: false) { InProcess = true };

    public static readonly SqlDialect Postgres = new(maxParameters: 30_000, maxRowsPerStatement: 1_000, sqlServer: false);

    // SQL Server accepts 2,100 parameters and 1,000 row value expressions in a statement.
    public static readonly SqlDialect SqlServer = new(maxParameters: 2_000, maxRowsPerStatement: 1_000, sqlServer: true);

    private readonly bool _sqlServer;

    private SqlDialect(int maxParameters, int maxRowsPerStatement, bool sqlServer)
    {
        MaxParameters = maxParameters;
        MaxRowsPerStatement = maxRowsPerStatement;
        _sqlServer = sqlServer;
    }

    public int MaxParameters { get; }
    public int MaxRowsPerStatement { get; }

    /// <summary>The database runs in the process (SQLite): a statement is executed synchronously, costing no round trip.</summary>
    public bool InProcess { get; private init; }

    public string Quote(string identifier) => _sqlServer ? $"[{identifier.Replace("]", "]]", StringComparison.Ordinal)}]" : $"\"{identifier.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    public string Insert(Table table, int rows, IReadOnlyList<IProperty>? duplicateKey, IReadOnlyList<string>? returning)
    {
        var sql = new StringBuilder(64 + (rows * table.Columns.Count * 8));
        var name = table.Schema is null ? Quote(table.Name) : $"{Quote(table.Schema)}.{Quote(table.Name)}";
        var columns = string.Join(", ", table.Columns.Select(c => Quote(c.Name)));
        if (_sqlServer && duplicateKey is not null)
        {
            // No ON CONFLICT: the rows go through a VALUES table and only those whose key is new are inserted.
            var keyMatch = string.Join(" AND ", duplicateKey.Select(k => $"t.{Quote(table.ColumnNameOf(k))} = v.{Quote(table.ColumnNameOf(k))}"));
            sql.Append("INSERT INTO ").Append(name).Append(" (").Append(columns).Append(") SELECT ")
                .Append(string.Join(", ", table.Columns.Select(c => "v." + Quote(c.Name)))).Append(" FROM (VALUES ");
            AppendValues(sql, table, rows);
            sql.Append(") AS v (").Append(columns).Append(") WHERE NOT EXISTS (SELECT 1 FROM ").Append(name).Append(" AS t WHERE ").Append(keyMatch).Append(')');
            return sql.ToString();
        }
        sql.Append("INSERT INTO ").Append(name).Append(" (").Append(columns).Append(") ");
        if (_sqlServer && returning is not null)
            sql.Append("OUTPUT ").Append(string.Join(", ", returning.Select(c => "INSERTED." + Quote(c)))).Append(' ');
        sql.Append("VALUES ");
        AppendValues(sql, table, rows);
        if (duplicateKey is not null)
            sql.Append(" ON CONFLICT (").Append(string.Join(", ", duplicateKey.Select(k => Quote(table.ColumnNameOf(k))))).Append(") DO NOTHING");
        if (!_sqlServer && returning is not null)
            sql.Append(" RETURNING ").Append(string.Join(", ", returning.Select(Quote)));
        return sql.ToString();
    }

    private static void AppendValues(StringBuilder sql, Table table, int rows)
    {
        var p = 0;
        for (var r = 0; r < rows; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < table.Columns.Count; c++)
            {
                if (c > 0)
                    sql.Append(", ");
                sql.Append("@p").Append(p++);
            }
            sql.Append(')');
        }
    }
}
