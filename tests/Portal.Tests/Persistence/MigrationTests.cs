using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Integration.Persistence;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Persistence;

public sealed class MigrationTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]   // building the model needs no running server
    [InlineData(DatabaseProvider.SqlServer)]
    public void Model_HasNoChangesThatNoMigrationCaptures(DatabaseProvider provider)
    {
        using var db = DesignTimeContext(provider);

        Assert.False(db.Database.HasPendingModelChanges(), $"The model changed: run 'dotnet ef migrations add <Name>' for {provider} (see README).");
    }

    internal static PortalDbContext DesignTimeContext(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => new Migrations.Sqlite.DesignTimeDbContextFactory().CreateDbContext([]),
        DatabaseProvider.Postgres => new Migrations.Postgres.DesignTimeDbContextFactory().CreateDbContext([]),
        DatabaseProvider.SqlServer => new Migrations.SqlServer.DesignTimeDbContextFactory().CreateDbContext([]),
        _ => throw new ArgumentOutOfRangeException(nameof(provider)),
    };

    [Fact]
    public async Task EmptyDatabase_IsMigratedToTheLatestVersionOnStart()
    {
        using var scope = app.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        var expected = app.Database.Provider switch
        {
            DatabaseProvider.Sqlite => "Microsoft.EntityFrameworkCore.Sqlite",
            DatabaseProvider.Postgres => "Npgsql.EntityFrameworkCore.PostgreSQL",
            _ => "Microsoft.EntityFrameworkCore.SqlServer",
        };
        Assert.Equal(expected, db.Database.ProviderName);
        Assert.False(db.Database.HasPendingModelChanges());
    }
}
