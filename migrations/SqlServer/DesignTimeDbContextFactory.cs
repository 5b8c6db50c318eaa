using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Portal.Integration.Persistence;

namespace Portal.Migrations.SqlServer;

/// <summary>Lets "dotnet ef" build the model for SQL Server; no server is contacted to add a migration or write a script.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<PortalDbContext>
{
    public PortalDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        options.UsePortalDatabase(DatabaseProvider.SqlServer, "Server=localhost;Database=portal_design_time;Integrated Security=true;TrustServerCertificate=true");
        return new PortalDbContext(options.Options);
    }
}
