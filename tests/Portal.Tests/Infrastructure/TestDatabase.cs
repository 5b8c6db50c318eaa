using Npgsql;
using Portal.Integration.Persistence;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// A fresh, empty database for one test class: a SQLite file in a temporary folder, or, when
/// PORTAL_TEST_POSTGRES holds a server connection string (the test script sets it), a new
/// PostgreSQL database on that server that is dropped afterwards.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "PORTAL_TEST_POSTGRES";

    private readonly string? _serverConnectionString;
    private readonly string? _databaseName;

    private TestDatabase(DatabaseProvider provider, string connectionString, string? serverConnectionString, string? databaseName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _serverConnectionString = serverConnectionString;
        _databaseName = databaseName;
    }

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }

    public static DatabaseProvider ConfiguredProvider =>
        string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgresVariable)) ? DatabaseProvider.Sqlite : DatabaseProvider.Postgres;

    public static async Task<TestDatabase> CreateAsync(string dataFolder)
    {
        var server = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(server))
            return new TestDatabase(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(dataFolder, "portal.db")};Pooling=False", null, null);

        var name = $"portal_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
        var builder = new NpgsqlConnectionStringBuilder(server) { Database = name };
        return new TestDatabase(DatabaseProvider.Postgres, builder.ToString(), server, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (_serverConnectionString is null)
            return;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_serverConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_databaseName}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
