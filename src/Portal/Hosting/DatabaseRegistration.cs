using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Portal.Integration.Changes;
using Portal.Integration.Municipalities;
using Portal.Integration.Persistence;

namespace Portal.Hosting;

internal static class DatabaseRegistration
{
    public static void AddPortalDatabase(this WebApplicationBuilder builder)
    {
        var dataFolder = AppDataFolder.From(builder);
        builder.Services.AddSingleton(dataFolder);
        var options = builder.Configuration.GetSection("Database").Get<DatabaseOptions>() ?? new();
        builder.Services.AddSingleton(Options.Create(options));

        var connectionString = options.Provider switch
        {
            DatabaseProvider.Sqlite => SqliteConnectionString(options.ConnectionString, dataFolder),
            DatabaseProvider.Postgres or DatabaseProvider.SqlServer => !string.IsNullOrWhiteSpace(options.ConnectionString)
                ? options.ConnectionString
                : throw new InvalidOperationException($"Database:ConnectionString is required when Database:Provider is {options.Provider}."),
            _ => throw new InvalidOperationException($"Unsupported Database:Provider '{options.Provider}'."),
        };
        builder.Services.AddLiveChanges();
        builder.Services.AddSingleton<MunicipalityBoundaries>();
        builder.Services.AddDbContext<PortalDbContext>((services, db) => db
            .UsePortalDatabase(options.Provider, connectionString)
            .AddInterceptors(services.GetRequiredService<ChangeSignalInterceptor>()));

        builder.Services.AddSingleton<DatabaseXmlRepository>();
        builder.Services.AddDataProtection().SetApplicationName("laadpuntenportaal");
        builder.Services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(services =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = services.GetRequiredService<DatabaseXmlRepository>()));
    }

    private static string SqliteConnectionString(string? configured, AppDataFolder dataFolder)
    {
        if (string.IsNullOrWhiteSpace(configured))
            configured = "portal.db";
        if (configured.Contains('='))
            return configured;
        var path = dataFolder.Resolve(configured);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString();
    }
}
