using NetArchTest.Rules;
using Portal.Features.Accounts;

namespace Portal.Tests.Architecture;

/// <summary>
/// Which feature folder (namespace <c>Portal.Features.X</c>, sub-namespaces counting as X) may use which, read from
/// the compiled assembly, so razor components, lambdas and fully qualified names count as well as usings.
/// A new edge is a conscious change: add it to <see cref="Allowed"/>, never in a loop.
/// </summary>
public sealed class FeatureDependencyTests
{
    private const string Features = "Portal.Features.";

    /// <summary>The allowed graph: each feature and the features it may use. Features not listed use none.</summary>
    private static readonly Dictionary<string, string[]> Allowed = new(StringComparer.Ordinal)
    {
        ["About"] = [],
        ["Accounts"] = [],
        ["Admin"] = ["Accounts", "IngestHealth"],
        ["Applications"] = ["Accounts", "Map", "Policies"],
        ["Applying"] = ["Applications", "Installations", "Map", "TrafficOrders"],
        ["Assessment"] = ["Accounts", "Applications", "Map"],
        ["AuditReports"] = [],
        ["Audits"] = ["Accounts", "AuditReports", "IngestHealth", "TrafficOrders"],
        ["ChargePoints"] = ["Accounts", "Faults", "Map"],
        ["Contracts"] = ["Accounts", "Admin"],
        ["Demo"] = ["Applications", "Assessment", "ChargePoints", "FieldChecks", "Findings", "Map", "Policies"],
        ["Errors"] = [],
        ["Exclusions"] = ["Accounts", "Contracts", "TrafficOrders"],
        ["Faults"] = ["Accounts"],
        ["DataQuality"] = ["Accounts"],
        ["FieldChecks"] = ["Accounts", "Contracts", "Installations"],
        ["Findings"] = ["Accounts", "Contracts", "TrafficOrders"],
        ["Home"] = [],
        ["IngestHealth"] = [],
        ["Installations"] = ["Accounts", "Admin", "Contracts", "Map", "TrafficOrders"],
        ["Mail"] = [],
        ["Map"] = ["Accounts", "Policies"],
        ["Officers"] = ["Accounts", "Assessment"],
        ["Operators"] = ["Accounts", "Contracts", "Faults", "Installations"],
        ["Policies"] = ["Accounts"],
        ["Requirements"] = [],
        ["Residents"] = [],
        ["SmartCharging"] = ["Accounts", "Admin"],
        ["Spots"] = ["Accounts", "Installations", "Map"],
        ["TrafficOrders"] = ["Accounts", "Map"],
        ["Usage"] = ["Accounts"],
    };

    [Fact]
    public void Features_UseExactlyTheAllowedFeatures()
    {
        var actual = ActualGraph();

        var unknown = actual.Keys.Except(Allowed.Keys).ToList();
        var added = Edges(actual).Except(Edges(Allowed)).ToList();
        var unused = Edges(Allowed).Except(Edges(actual)).ToList();

        Assert.True(unknown.Count == 0 && added.Count == 0 && unused.Count == 0,
            $"Features not in the allowed graph: {string.Join(", ", unknown)}\n" +
            $"Edges not allowed: {string.Join(", ", added)}\n" +
            $"Allowed edges no longer used (remove them): {string.Join(", ", unused)}\n" +
            $"Graph now:\n{Describe(actual)}");
    }

    [Fact]
    public void Features_DoNotDependOnEachOtherInALoop()
    {
        var actual = ActualGraph();

        var loop = FindLoop(actual);

        Assert.True(loop is null, $"Features depend on each other in a loop: {string.Join(" -> ", loop ?? [])}\nGraph now:\n{Describe(actual)}");
    }

    [Fact]
    public void TheAllowedGraph_HasNoLoop() => Assert.Null(FindLoop(Allowed.ToDictionary(e => e.Key, e => (IReadOnlyCollection<string>)e.Value)));

    [Fact]
    public void TheLoopFinder_FindsALoop() =>
        Assert.Equal(["Map", "Policies", "Spots", "Map"], FindLoop(new Dictionary<string, IReadOnlyCollection<string>>
        {
            ["Map"] = ["Policies"],
            ["Policies"] = ["Accounts", "Spots"],
            ["Spots"] = ["Map"],
        }));

    /// <summary>Each feature of the portal assembly and the other features its types use.</summary>
    private static Dictionary<string, IReadOnlyCollection<string>> ActualGraph()
    {
        var portal = typeof(TenantAccess).Assembly;
        var types = Types.InAssembly(portal);
        var features = portal.GetTypes()
            .Select(t => FeatureOf(t.FullName ?? ""))
            .OfType<string>()
            .Distinct()
            .ToList();
        var graph = features.ToDictionary(f => f, _ => new SortedSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var target in features)
        {
            var result = types.That().ResideInNamespaceStartingWith(Features)
                .ShouldNot().HaveDependencyOn(Features + target)
                .GetResult();
            foreach (var user in (result.FailingTypeNames ?? []).Select(FeatureOf).OfType<string>().Where(f => f != target))
                graph[user].Add(target);
        }
        return graph.ToDictionary(e => e.Key, e => (IReadOnlyCollection<string>)e.Value, StringComparer.Ordinal);
    }

    /// <summary>"Portal.Features.Demo.SimulatedCpo.SimulatedCpoRunner" is in Demo; a type right in Portal.Features is in none.</summary>
    private static string? FeatureOf(string typeName)
    {
        if (!typeName.StartsWith(Features, StringComparison.Ordinal))
            return null;
        var rest = typeName[Features.Length..];
        var dot = rest.IndexOfAny(['.', '/', '`']);
        return dot < 0 || rest[dot] != '.' ? null : rest[..dot];
    }

    private static IEnumerable<string> Edges<T>(IReadOnlyDictionary<string, T> graph) where T : IEnumerable<string> =>
        graph.SelectMany(e => e.Value.Select(to => $"{e.Key} -> {to}"));

    private static string Describe(IReadOnlyDictionary<string, IReadOnlyCollection<string>> graph) =>
        string.Join("\n", graph.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"  {e.Key} -> {string.Join(", ", e.Value)}"));

    /// <summary>A loop as the path that closes it (first feature repeated at the end), or null.</summary>
    private static List<string>? FindLoop(IReadOnlyDictionary<string, IReadOnlyCollection<string>> graph)
    {
        var done = new HashSet<string>(StringComparer.Ordinal);
        var path = new List<string>();

        List<string>? Visit(string feature)
        {
            var at = path.IndexOf(feature);
            if (at >= 0)
                return [.. path[at..], feature];
            if (!done.Add(feature))
                return null;
            path.Add(feature);
            foreach (var next in graph.GetValueOrDefault(feature) ?? [])
                if (Visit(next) is { } loop)
                    return loop;
            path.RemoveAt(path.Count - 1);
            return null;
        }

        return graph.Keys.OrderBy(k => k, StringComparer.Ordinal).Select(Visit).FirstOrDefault(loop => loop is not null);
    }
}
