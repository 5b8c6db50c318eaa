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
    public void Model_HasNoChangesThatNoMigrationCaptures(DatabaseProvider provider)
    {
        using var db = provider == DatabaseProvider.Sqlite
            ? new Migrations.Sqlite.DesignTimeDbContextFactory().CreateDbContext([])
            : new Migrations.Postgres.DesignTimeDbContextFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges(), $"The model changed: run 'dotnet ef migrations add <Name>' for {provider} (see README).");
    }

    [Fact]
    public async Task EmptyDatabase_IsMigratedToTheLatestVersionOnStart()
    {
        using var scope = app.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.Equal(app.Database.Provider == DatabaseProvider.Sqlite ? "Microsoft.EntityFrameworkCore.Sqlite" : "Npgsql.EntityFrameworkCore.PostgreSQL", db.Database.ProviderName);
        Assert.False(db.Database.HasPendingModelChanges());
    }
}
