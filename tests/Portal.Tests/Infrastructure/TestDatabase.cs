using Microsoft.Data.SqlClient;
using Npgsql;
using Portal.Integration.Persistence;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// A fresh, empty database for one test class: a SQLite file in a temporary folder; or, when
/// PORTAL_TEST_POSTGRES holds a server connection string (the test script sets it), a new PostgreSQL
/// database on that server; or, when PORTAL_TEST_SQLSERVER holds one, a new SQL Server database. A server
/// database is dropped afterwards. The variables decide the provider here and nowhere else.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "PORTAL_TEST_POSTGRES";
    public const string SqlServerVariable = "PORTAL_TEST_SQLSERVER";

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

    public static DatabaseProvider ConfiguredProvider => Configured().Provider;

    private static (DatabaseProvider Provider, string? Server) Configured()
    {
        var postgres = Environment.GetEnvironmentVariable(PostgresVariable);
        var sqlServer = Environment.GetEnvironmentVariable(SqlServerVariable);
        return (string.IsNullOrWhiteSpace(postgres), string.IsNullOrWhiteSpace(sqlServer)) switch
        {
            (true, true) => (DatabaseProvider.Sqlite, null),
            (false, true) => (DatabaseProvider.Postgres, postgres),
            (true, false) => (DatabaseProvider.SqlServer, sqlServer),
            _ => throw new InvalidOperationException($"Set {PostgresVariable} or {SqlServerVariable}, not both: each run of the suite tests one database."),
        };
    }

    public static async Task<TestDatabase> CreateAsync(string dataFolder)
    {
        var (provider, server) = Configured();
        var name = $"portal_test_{Guid.NewGuid():N}";
        switch (provider)
        {
            case DatabaseProvider.Postgres:
                await using (var connection = new NpgsqlConnection(server))
                {
                    await connection.OpenAsync();
                    await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
                    await create.ExecuteNonQueryAsync();
                }
                return new TestDatabase(provider, new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString(), server, name);
            case DatabaseProvider.SqlServer:
                // With the server's default collation, as a municipality's DBA would create it (README: Running on SQL Server).
                await ExecuteOnSqlServerAsync(server!, $"CREATE DATABASE [{name}]");
                return new TestDatabase(provider, new SqlConnectionStringBuilder(server) { InitialCatalog = name }.ToString(), server, name);
            default:
                return new TestDatabase(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(dataFolder, "portal.db")};Pooling=False", null, null);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_serverConnectionString is null)
            return;
        if (Provider == DatabaseProvider.SqlServer)
        {
            SqlConnection.ClearAllPools();
            await ExecuteOnSqlServerAsync(_serverConnectionString,
                $"""
                IF DB_ID(N'{_databaseName}') IS NOT NULL
                BEGIN
                    -- Ends connections a stopped node left behind; Azure SQL Database (engine edition 5) has no single-user mode.
                    IF CAST(SERVERPROPERTY('EngineEdition') AS int) <> 5
                        EXEC(N'ALTER DATABASE [{_databaseName}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE');
                    DROP DATABASE [{_databaseName}];
                END
                """);
            return;
        }
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_serverConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_databaseName}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    private static async Task ExecuteOnSqlServerAsync(string server, string sql)
    {
        await using var connection = new SqlConnection(server);
        await connection.OpenAsync();
        await using var command = new SqlCommand(sql, connection) { CommandTimeout = 120 };   // CREATE DATABASE on Azure SQL takes a while
        await command.ExecuteNonQueryAsync();
    }
}
