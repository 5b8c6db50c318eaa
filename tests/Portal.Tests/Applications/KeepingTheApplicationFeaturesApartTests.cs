using System.Text.RegularExpressions;

namespace Portal.Tests.Applications;

/// <summary>
/// Applications are three feature folders: the resident's journey (Applying), the officer's work (Assessment), and
/// what both use (Applications). Both may use the shared folder; the shared folder uses neither, and neither uses
/// the other, so no loop can form. A type of another namespace needs a using or a qualified name in the source, which
/// is what this reads.
/// </summary>
public sealed partial class KeepingTheApplicationFeaturesApartTests
{
    public static TheoryData<string, string[]> Allowed => new()
    {
        { "Applications", [] },
        { "Applying", ["Applications"] },
        { "Assessment", ["Applications"] },
    };

    [Theory]
    [MemberData(nameof(Allowed))]
    public void AFeatureFolder_UsesOnlyTheFoldersItMay(string feature, string[] allowed)
    {
        string[] siblings = ["Applications", "Applying", "Assessment"];
        var forbidden = siblings.Where(s => s != feature && !allowed.Contains(s)).ToList();
        var folder = RepositoryFiles.Path("src", "Portal", "Features", feature);
        var files = Directory.EnumerateFiles(folder, "*.*", SearchOption.AllDirectories).Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal)).ToList();

        var uses = files
            .SelectMany(file => Reference().Matches(File.ReadAllText(file))
                .Select(m => m.Groups[1].Value)
                .Where(forbidden.Contains)
                .Select(used => $"{Path.GetFileName(file)} uses {used}"))
            .Distinct()
            .ToList();

        Assert.NotEmpty(files);
        Assert.Empty(uses);
    }

    [Fact]
    public void TheReading_SeesUsingsAndQualifiedNames()
    {
        Assert.Equal(["Assessment", "Applying", "Applications"], new[]
        {
            "using Portal.Features.Assessment;",
            "@inject Portal.Features.Applying.ResidentApplications Applications",
            "var x = Features.Applications.ApplicationFilters.IsOpen;",
        }.Select(line => Reference().Match(line).Groups[1].Value));
        Assert.DoesNotMatch(Reference(), "db.Applications.Where(a => a.IsOpen)");
    }

    // "Portal.Features.X" in a using, an @using or a qualified name, or "Features.X." relative to Portal.
    [GeneratedRegex(@"\b(?:Portal\.)?Features\.(Applications|Applying|Assessment)\b")]
    private static partial Regex Reference();
}
