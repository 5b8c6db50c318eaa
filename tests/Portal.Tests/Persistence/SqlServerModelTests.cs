using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Portal.Integration.Persistence;

namespace Portal.Tests.Persistence;

/// <summary>
/// What SQL Server refuses or gets wrong that SQLite and PostgreSQL accept, checked on the SQL Server model
/// without a server (none runs here): the suite against a real one runs when PORTAL_TEST_SQLSERVER is set.
/// </summary>
public sealed class SqlServerModelTests
{
    private readonly IModel _model = DesignTimeModel();

    private static IModel DesignTimeModel()
    {
        using var db = MigrationTests.DesignTimeContext(DatabaseProvider.SqlServer);
        return db.GetService<IDesignTimeModel>().Model;   // with the design-time facets (index filters) that the runtime model leaves out
    }

    [Fact]
    public void EveryIndexedColumn_HasABoundedType()
    {
        var unbounded = _model.GetEntityTypes()
            .SelectMany(e => e.GetIndexes().SelectMany(i => i.Properties).Concat(e.GetKeys().SelectMany(k => k.Properties)))
            .Where(p => p.GetColumnType().Contains("(max)", StringComparison.OrdinalIgnoreCase))
            .Select(p => $"{p.DeclaringType.DisplayName()}.{p.Name}")
            .Distinct();

        Assert.Empty(unbounded);
    }

    [Fact]
    public void EveryDecimal_HasAPrecisionOfItsOwn()
    {
        var decimals = _model.GetEntityTypes().SelectMany(e => e.GetProperties())
            .Where(p => (Nullable.GetUnderlyingType(p.ClrType) ?? p.ClrType) == typeof(decimal))
            .ToList();

        Assert.NotEmpty(decimals);
        Assert.All(decimals, p => Assert.True(p.GetPrecision() is not null, $"{p.DeclaringType.DisplayName()}.{p.Name} is {p.GetColumnType()}"));
        Assert.Equal("decimal(18,4)", _model.FindEntityType(typeof(Integration.Ocpi.Pulling.OcpiSessionRecord))!.FindProperty("Kwh")!.GetColumnType());
    }

    [Fact]
    public void UniqueIndexesOnNullableColumns_AreFilteredToRowsWithAValue()
    {
        var unique = _model.GetEntityTypes().SelectMany(e => e.GetIndexes())
            .Where(i => i.IsUnique && i.Properties.Any(p => p.IsNullable))
            .ToList();

        Assert.NotEmpty(unique);
        Assert.All(unique, i => Assert.Contains("IS NOT NULL", i.GetFilter() ?? "", StringComparison.Ordinal));
    }

    /// <summary>SQL Server refuses a foreign key that would give a second cascading path (or a cycle) from one table to another.</summary>
    [Fact]
    public void NoTable_IsReachedByTwoCascadingPathsFromAnother()
    {
        var problems = new List<string>();
        foreach (var root in _model.GetEntityTypes().Where(e => e.GetTableName() is not null))
        {
            var reached = new Dictionary<string, string>();
            var pending = new Stack<(IEntityType Table, string Path)>([(root, root.GetTableName()!)]);
            while (pending.Count > 0)
            {
                var (principal, path) = pending.Pop();
                // An owned type stored in its owner's own row (table splitting) links the row to itself: no constraint in the database.
                foreach (var key in principal.GetReferencingForeignKeys().Where(k => k.DeleteBehavior is DeleteBehavior.Cascade or DeleteBehavior.SetNull)
                    .Where(k => !(k.IsOwnership && k.DeclaringEntityType.GetTableName() == k.PrincipalEntityType.GetTableName())))
                {
                    var table = key.DeclaringEntityType.GetTableName()!;
                    var next = $"{path} -> {table}";
                    if (table == root.GetTableName() || !reached.TryAdd(table, next))
                        problems.Add(reached.TryGetValue(table, out var first) ? $"{first} and {next}" : $"cycle {next}");
                    else
                        pending.Push((key.DeclaringEntityType, next));
                }
            }
        }

        Assert.Empty(problems);
    }

    [Fact]
    public void AListInAQuery_GoesAsOneParameter_NotOnePerItem()
    {
        using var db = MigrationTests.DesignTimeContext(DatabaseProvider.SqlServer);
        var listed = Enumerable.Range(0, 3000).Select(i => $"NL*ABC*{i}").ToList();   // a full pull lists this many and more

        var sql = db.OcpiLocationSnapshots.Where(s => listed.Contains(s.LocationSourceId)).ToQueryString();

        Assert.Contains("OPENJSON(", sql, StringComparison.Ordinal);
    }

    [Fact]
    public void ASearch_IsLoweredAndEscaped_InSqlServersLike()
    {
        using var db = MigrationTests.DesignTimeContext(DatabaseProvider.SqlServer);
        var pattern = SearchPattern.Contains("[Z]ijpendaal_");

#pragma warning disable CA1304 // translated to SQL, as in the portal's searches
        var sql = db.Spots.Where(s => EF.Functions.Like(s.Address.ToLower(), pattern, SearchPattern.Escape)).ToQueryString();
#pragma warning restore CA1304

        Assert.Equal(@"%\[z]ijpendaal\_%", pattern);
        Assert.Contains("LOWER([s].[Address]) LIKE @pattern ESCAPE N'\\'", sql, StringComparison.Ordinal);
    }
}
