using System.Reflection;
using NetArchTest.Rules;
using Portal.Domain.ChargePoints;
using Portal.Integration.Persistence;

namespace Portal.Integration.Tests.Architecture;

/// <summary>
/// References point one way, Portal → Integration → Domain: checked on the assemblies' references and on every
/// type's dependencies (what its fields, signatures and method bodies use), read from the compiled assemblies.
/// </summary>
public sealed class DependencyRuleTests
{
    private static readonly Assembly Domain = typeof(ChargeLocation).Assembly;
    private static readonly Assembly Integration = typeof(PortalDbContext).Assembly;

    [Fact]
    public void Domain_ReferencesNoWebDatabaseHttpOrScheduling()
    {
        string[] forbidden = ["Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore", "Microsoft.Extensions.Http", "Hangfire", "Npgsql", "Microsoft.Data.SqlClient", "System.Net.Http", "Portal.Integration"];

        var referenced = Domain.GetReferencedAssemblies().Select(a => a.Name ?? "").ToList();

        Assert.DoesNotContain(referenced, name => forbidden.Any(f => name.StartsWith(f, StringComparison.Ordinal)));
    }

    [Fact]
    public void Integration_DoesNotReferenceThePortal()
    {
        var referenced = Integration.GetReferencedAssemblies().Select(a => a.Name).ToList();

        Assert.DoesNotContain("Portal", referenced);
    }

    [Fact]
    public void NoIntegrationType_UsesAPortalNamespace()
    {
        var result = Types.InAssembly(Integration).ShouldNot().HaveDependencyOnAny([.. PortalNamespaces()]).GetResult();

        Assert.True(result.IsSuccessful, "Integration types that use the portal: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void NoDomainType_UsesAPortalOrIntegrationNamespace()
    {
        var result = Types.InAssembly(Domain).ShouldNot().HaveDependencyOnAny([.. PortalNamespaces(), "Portal.Integration"]).GetResult();

        Assert.True(result.IsSuccessful, "Domain types that use the portal or Integration: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void ThePortalsNamespaces_AreFound()
    {
        // Without them the two checks above would pass on anything.
        Assert.Superset(new HashSet<string>(["Portal.Components", "Portal.Features", "Portal.Hosting", "Portal.Jobs", "Portal.Program"], StringComparer.Ordinal),
            new HashSet<string>(PortalNamespaces(), StringComparer.Ordinal));
    }

    /// <summary>
    /// The portal's namespaces follow its folders (Portal.Features, Portal.Hosting, …), read from the source tree so
    /// a new folder is covered without this test referencing the portal.
    /// </summary>
    private static IEnumerable<string> PortalNamespaces()
    {
        string[] notCode = ["bin", "obj", "node_modules", "wwwroot", "Properties"];
        var folders = new DirectoryInfo(RepositoryFiles.Path("src", "Portal")).EnumerateDirectories()
            .Where(d => !notCode.Contains(d.Name, StringComparer.Ordinal))
            .Where(d => d.EnumerateFiles("*.cs", SearchOption.AllDirectories).Any() || d.EnumerateFiles("*.razor", SearchOption.AllDirectories).Any());
        return [.. folders.Select(d => "Portal." + d.Name), "Portal.Program"];
    }
}
