using Microsoft.EntityFrameworkCore;

namespace Portal.Integration.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
    SqlServer,
}

/// <summary>The "Database" configuration section.</summary>
public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>For SQLite a path or full connection string; empty means "portal.db" in the app's data folder.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Apply pending migrations when the portal starts (the default); production can run "migrate" instead.</summary>
    public bool MigrateOnStartup { get; set; } = true;
}

public static class DatabaseProviderExtensions
{
    public const string SqliteMigrationsAssembly = "Portal.Migrations.Sqlite";
    public const string PostgresMigrationsAssembly = "Portal.Migrations.Postgres";
    public const string SqlServerMigrationsAssembly = "Portal.Migrations.SqlServer";

    /// <summary>Points EF Core at the configured provider with that provider's migrations assembly.</summary>
    public static DbContextOptionsBuilder UsePortalDatabase(this DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString) =>
        UseProvider(options, provider, connectionString).AddInterceptors(Ocpi.Server.OcpiCallerCache.Interceptor);

    private static DbContextOptionsBuilder UseProvider(DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString) =>
        provider switch
        {
            DatabaseProvider.Sqlite => options.UseSqlite(connectionString, x => x.MigrationsAssembly(SqliteMigrationsAssembly)).AddInterceptors(SqliteConcurrency.Instance),
            DatabaseProvider.Postgres => options.UseNpgsql(connectionString, x => x.MigrationsAssembly(PostgresMigrationsAssembly)),
            // No EnableRetryOnFailure: the portal opens its own transactions (ChangeSignals), which a retrying
            // strategy refuses; a dropped Azure SQL connection fails the request or job, as on the other providers.
            // A list in a query (a pulled page's ids, up to Ocpi:Client:PageLimit) goes as one JSON parameter
            // (OPENJSON, SQL Server 2016+): one parameter per item would meet SQL Server's limit of 2100.
            DatabaseProvider.SqlServer => options.UseSqlServer(connectionString, x => x
                .MigrationsAssembly(SqlServerMigrationsAssembly)
                .UseParameterizedCollectionMode(ParameterTranslationMode.Parameter)),
            _ => throw new InvalidOperationException($"Unsupported Database:Provider '{provider}'."),
        };
}
