using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.SqlServer;
using Hangfire.Storage.SQLite;
using Microsoft.Data.Sqlite;
using Portal.Integration.Persistence;

namespace Portal.Jobs;

/// <summary>
/// Where Hangfire keeps its jobs: on the portal's own database, in tables of its own that Hangfire creates
/// (and upgrades) on start-up, apart from the EF migrations. One method per database provider.
/// </summary>
internal static class JobStorages
{
    public const string Schema = "hangfire";

    public static JobStorage For(DatabaseProvider provider, string connectionString, JobsOptions jobs) => provider switch
    {
        DatabaseProvider.Sqlite => Sqlite(connectionString, jobs),
        DatabaseProvider.Postgres => Postgres(connectionString, jobs),
        DatabaseProvider.SqlServer => SqlServer(connectionString, jobs),
        _ => throw new InvalidOperationException($"No job storage for Database:Provider '{provider}'."),
    };

    /// <summary>The same SQLite file as the portal, in tables prefixed "hangfire". One node only, so no cluster settings.</summary>
    private static SQLiteStorage Sqlite(string connectionString, JobsOptions jobs) =>
        new(new SqliteConnectionStringBuilder(connectionString).DataSource, new SQLiteStorageOptions
        {
            Prefix = Schema,
            QueuePollInterval = jobs.PollingInterval,
        });

    /// <summary>
    /// The portal's PostgreSQL database, schema "hangfire". A running job renews its claim (sliding invisibility),
    /// so a node that dies loses its jobs to the other nodes after <see cref="JobsOptions.AbandonedJobTimeout"/>.
    /// </summary>
    private static PostgreSqlStorage Postgres(string connectionString, JobsOptions jobs)
    {
        var options = new PostgreSqlStorageOptions
        {
            SchemaName = Schema,
            PrepareSchemaIfNecessary = true,
            QueuePollInterval = jobs.PollingInterval,
            InvisibilityTimeout = jobs.AbandonedJobTimeout,
            UseSlidingInvisibilityTimeout = true,
            DistributedLockTimeout = jobs.LockTimeout,
        };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, options), options);
    }

    /// <summary>
    /// SQL Server / Azure SQL, schema "hangfire". As on PostgreSQL a running job renews its claim, so the nodes form
    /// one cluster and a dead node's job goes to another after <see cref="JobsOptions.AbandonedJobTimeout"/>.
    /// </summary>
    private static SqlServerStorage SqlServer(string connectionString, JobsOptions jobs) =>
        new(connectionString, new SqlServerStorageOptions
        {
            SchemaName = Schema,
            PrepareSchemaIfNecessary = true,
            QueuePollInterval = jobs.PollingInterval,
            SlidingInvisibilityTimeout = jobs.AbandonedJobTimeout,
        });
}
