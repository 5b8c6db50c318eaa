using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Portal.Integration.Persistence;

namespace Portal.Migrations.Sqlite;

/// <summary>Lets "dotnet ef" build the model for SQLite without starting the portal.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<PortalDbContext>
{
    public PortalDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        options.UsePortalDatabase(DatabaseProvider.Sqlite, "Data Source=design-time.db");
        return new PortalDbContext(options.Options);
    }
}
