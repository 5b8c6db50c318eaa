using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Portal.Domain.Common;
using Portal.Resources;

namespace Portal.Tests.Localisation;

/// <summary>
/// Every rule a person can break has a Dutch and an English text, and no text asks for a value the
/// throws do not pass. The arguments are counted in the source: <c>new DomainRuleViolated(DomainRule.X, message, a, b)</c>
/// passes two; a helper that takes the rule as a parameter (<c>Limit(value, max, DomainRule.StreetTooLong, …)</c>)
/// passes what its own throw passes.
/// </summary>
public sealed partial class RuleTextsTests
{
    private static readonly ResourceManager Resources = new("Portal.Resources.Texts", typeof(Texts).Assembly);

    public static TheoryData<string> Cultures => new() { "nl", "en" };

    [Theory]
    [MemberData(nameof(Cultures))]
    public void EveryRule_HasAText(string culture)
    {
        var missing = Enum.GetValues<DomainRule>()
            .Where(rule => string.IsNullOrWhiteSpace(Resources.GetString($"Rule.{rule}", CultureInfo.GetCultureInfo(culture))))
            .ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void DutchAndEnglish_AreDifferentTexts()
    {
        // The English file must really hold its own text, not fall back to the Dutch one.
        var dutch = Resources.GetResourceSet(CultureInfo.GetCultureInfo("nl"), true, true)!;
        var english = Resources.GetResourceSet(CultureInfo.GetCultureInfo("en"), true, false)!;

        var fallingBack = Enum.GetValues<DomainRule>().Where(rule => english.GetString($"Rule.{rule}") is null || english.GetString($"Rule.{rule}") == dutch.GetString($"Rule.{rule}")).ToList();

        Assert.Empty(fallingBack);
    }

    [Fact]
    public void EveryRule_IsThrownSomewhere()
    {
        var thrown = ArgumentCounts();

        var neverThrown = Enum.GetValues<DomainRule>().Where(rule => !thrown.ContainsKey(rule)).ToList();

        Assert.Empty(neverThrown);
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void NoText_AsksForMoreValuesThanTheThrowsPass(string culture)
    {
        var thrown = ArgumentCounts();

        var tooMany = new List<string>();
        foreach (var (rule, counts) in thrown)
        {
            var text = Resources.GetString($"Rule.{rule}", CultureInfo.GetCultureInfo(culture)) ?? "";
            var highest = Placeholder().Matches(text).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).DefaultIfEmpty(-1).Max();
            if (highest >= counts.Min())
                tooMany.Add($"{rule}: {{{highest}}} in \"{text}\", thrown with {counts.Min()} argument(s)");
        }

        Assert.Empty(tooMany);
    }

    [Fact]
    public void TheCount_SeesTheThrowsOfThisBranch()
    {
        var thrown = ArgumentCounts();

        Assert.Equal([1], thrown[DomainRule.DeadlineAlreadyExtended]);
        Assert.Equal([3], thrown[DomainRule.PointOutsideArea]);
        Assert.Equal([1], thrown[DomainRule.StreetTooLong]);
        Assert.Equal([0], thrown[DomainRule.AnswerMissing]);
        Assert.Equal([0], thrown[DomainRule.NotAPublicChargePoint]);
    }

    [GeneratedRegex(@"(?<!\{)\{(\d+)(?:[,:][^}]*)?\}")]
    private static partial Regex Placeholder();

    /// <summary>For each rule, the numbers of arguments (after the message) it is thrown with, read from src/Domain and src/Portal.</summary>
    private static Dictionary<DomainRule, HashSet<int>> ArgumentCounts()
    {
        var counts = new Dictionary<DomainRule, HashSet<int>>();
        void Add(string name, int count)
        {
            if (Enum.TryParse<DomainRule>(name, out var rule))
                (counts.TryGetValue(rule, out var set) ? set : counts[rule] = []).Add(count);
        }

        var files = new[] { "src/Domain", "src/Portal" }
            .SelectMany(folder => Directory.EnumerateFiles(RepositoryFiles.Path(folder.Split('/')), "*.cs", SearchOption.AllDirectories))
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        foreach (var path in files)
        {
            var root = CSharpSyntaxTree.ParseText(File.ReadAllText(path)).GetRoot();
            foreach (var creation in root.DescendantNodes().OfType<BaseObjectCreationExpressionSyntax>())
            {
                if (creation is ObjectCreationExpressionSyntax { Type: var type } && !type.ToString().EndsWith("DomainRuleViolated", StringComparison.Ordinal))
                    continue;
                if (creation is ImplicitObjectCreationExpressionSyntax || creation.ArgumentList is not { Arguments: [var first, _, ..] arguments })
                    continue;
                var passed = arguments.Count - 2;
                if (RuleName(first.Expression) is { } name)
                {
                    Add(name, passed);
                    continue;
                }
                // The rule comes in as a parameter: every call of that method naming a rule throws with this many arguments.
                if (first.Expression is IdentifierNameSyntax { Identifier.ValueText: var parameter } && creation.FirstAncestorOrSelf<MethodDeclarationSyntax>() is { } method
                    && method.ParameterList.Parameters.Any(p => p.Identifier.ValueText == parameter))
                {
                    foreach (var call in root.DescendantNodes().OfType<InvocationExpressionSyntax>()
                        .Where(c => c.Expression is IdentifierNameSyntax { Identifier.ValueText: var called } && called == method.Identifier.ValueText))
                    {
                        foreach (var argument in call.ArgumentList.Arguments)
                        {
                            if (RuleName(argument.Expression) is { } passedRule)
                                Add(passedRule, passed);
                        }
                    }
                }
            }
        }
        return counts;
    }

    private static string? RuleName(ExpressionSyntax expression) =>
        expression is MemberAccessExpressionSyntax { Expression: var owner, Name.Identifier.ValueText: var name } && owner.ToString().EndsWith("DomainRule", StringComparison.Ordinal)
            ? name
            : null;
}
