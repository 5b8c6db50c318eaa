using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Portal.Integration.Persistence;

namespace Portal.Migrations.Postgres;

/// <summary>Lets "dotnet ef" build the model for PostgreSQL; no server is contacted to add a migration.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<PortalDbContext>
{
    public PortalDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        options.UsePortalDatabase(DatabaseProvider.Postgres, "Host=localhost;Database=portal_design_time");
        return new PortalDbContext(options.Options);
    }
}
