using Portal.Domain.ChargePoints;
using Portal.Integration.Persistence;

namespace Portal.Integration.Tests.Architecture;

public sealed class DependencyRuleTests
{
    [Fact]
    public void Domain_ReferencesNoWebDatabaseHttpOrScheduling()
    {
        string[] forbidden = ["Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore", "Microsoft.Extensions.Http", "Hangfire", "Npgsql", "Microsoft.Data.SqlClient", "System.Net.Http", "Portal.Integration"];

        var referenced = typeof(ChargeLocation).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? "").ToList();

        Assert.DoesNotContain(referenced, name => forbidden.Any(f => name.StartsWith(f, StringComparison.Ordinal)));
    }

    [Fact]
    public void Integration_DoesNotReferenceThePortal()
    {
        var referenced = typeof(PortalDbContext).Assembly.GetReferencedAssemblies().Select(a => a.Name).ToList();

        Assert.DoesNotContain("Portal", referenced);
    }
}
