using System.Globalization;
using Portal.Components.BackOffice;
using Portal.Domain.Requirements;
using Portal.Integration.Requirements;

namespace Portal.Features.Requirements;

/// <summary>Filters of the catalogue page; null means all.</summary>
internal sealed record CatalogueFilter(string? Set = null, string? Section = null, VerificationKind? Kind = null, string? AppliesTo = null);

/// <summary>The values the catalogue page's filters offer, in the catalogue's own order.</summary>
internal sealed record CatalogueFilterOptions(IReadOnlyList<RequirementSet> Sets, IReadOnlyList<string> Sections, IReadOnlyList<string> AppliesTo);

/// <summary>
/// Browsing the catalogue in force: filters, a quick search over code, summary, standards and modules, sorting and
/// paging. The catalogue is a few hundred requirements at most and already in memory, so this runs there.
/// </summary>
internal sealed class CatalogueBrowser(IRequirementCatalogue catalogue)
{
    public async Task<CatalogueFilterOptions> OptionsAsync(CancellationToken ct = default)
    {
        var current = await catalogue.CurrentAsync(ct);
        return new CatalogueFilterOptions(
            current.Sets,
            current.Requirements.Select(r => r.Section).Distinct(StringComparer.Ordinal).ToList(),
            current.Requirements.SelectMany(r => r.AppliesTo).Distinct(StringComparer.Ordinal).ToList());
    }

    public async Task<GridPage<RequirementRow>> SearchAsync(CatalogueFilter filter, GridQuery grid, CancellationToken ct = default)
    {
        var current = await catalogue.CurrentAsync(ct);
        var position = current.Requirements.Select((r, i) => (r.Key, i)).ToDictionary(p => p.Key, p => p.i);
        var rows = current.Requirements
            .Where(r => filter.Set is null || r.Key.SetId == filter.Set)
            .Where(r => filter.Section is null || r.Section == filter.Section)
            .Where(r => filter.Kind is null || r.Verification == filter.Kind)
            .Where(r => filter.AppliesTo is null || r.AppliesTo.Contains(filter.AppliesTo))
            .Where(r => grid.Search is null || Matches(r, grid.Search));

        // Within a column's order, the catalogue's own order (set, then as the file lists them) decides.
        IOrderedEnumerable<Requirement> sorted = (grid.SortKey, grid.Descending) switch
        {
            ("setid", false) => rows.OrderBy(r => r.Key.SetId, StringComparer.Ordinal),
            ("setid", true) => rows.OrderByDescending(r => r.Key.SetId, StringComparer.Ordinal),
            ("code", false) => rows.OrderBy(r => r.Key.SetId, StringComparer.Ordinal).ThenBy(r => CodeOrder(r.Key.Code), CodeComparer.Instance),
            ("code", true) => rows.OrderByDescending(r => r.Key.SetId, StringComparer.Ordinal).ThenByDescending(r => CodeOrder(r.Key.Code), CodeComparer.Instance),
            ("section", false) => rows.OrderBy(r => r.Section, StringComparer.Ordinal),
            ("section", true) => rows.OrderByDescending(r => r.Section, StringComparer.Ordinal),
            ("verification", false) => rows.OrderBy(r => r.Verification),
            ("verification", true) => rows.OrderByDescending(r => r.Verification),
            ("summary", false) => rows.OrderBy(r => r.Summary, StringComparer.CurrentCultureIgnoreCase),
            ("summary", true) => rows.OrderByDescending(r => r.Summary, StringComparer.CurrentCultureIgnoreCase),
            _ => rows.OrderBy(r => position[r.Key]),
        };
        var all = sorted.ThenBy(r => position[r.Key]).ToList();
        return new GridPage<RequirementRow>(all.Skip(grid.Skip).Take(grid.PageSize).Select(RequirementRow.Of).ToList(), all.Count);
    }

    public async Task<RequirementView?> FindAsync(string setId, string code, CancellationToken ct = default)
    {
        var current = await catalogue.CurrentAsync(ct);
        if (current.Find(new RequirementKey(setId, code)) is not { } requirement)
            return null;
        var set = current.Sets.Single(s => s.Id == setId);
        var related = requirement.Related.Select(c => current.Find(new RequirementKey(setId, c))).OfType<Requirement>().ToList();
        return new RequirementView(requirement, set, related);
    }

    private static bool Matches(Requirement requirement, string search) =>
        requirement.Key.Code.Contains(search, StringComparison.OrdinalIgnoreCase)
        || requirement.Summary.Contains(search, StringComparison.CurrentCultureIgnoreCase)
        || requirement.Standards.Any(s => s.Contains(search, StringComparison.OrdinalIgnoreCase))
        || requirement.Modules.Any(m => m.Contains(search, StringComparison.OrdinalIgnoreCase));

    /// <summary>"SC-10" as ("SC", 10), so SC-9 comes before SC-10.</summary>
    private static (string Prefix, int Number, string Code) CodeOrder(string code)
    {
        var dash = code.LastIndexOf('-');
        return dash > 0 && int.TryParse(code.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? (code[..dash], number, code)
            : (code, 0, code);
    }

    private sealed class CodeComparer : IComparer<(string Prefix, int Number, string Code)>
    {
        public static CodeComparer Instance { get; } = new();

        public int Compare((string Prefix, int Number, string Code) x, (string Prefix, int Number, string Code) y)
        {
            var prefix = string.CompareOrdinal(x.Prefix, y.Prefix);
            if (prefix != 0)
                return prefix;
            var number = x.Number.CompareTo(y.Number);
            return number != 0 ? number : string.CompareOrdinal(x.Code, y.Code);
        }
    }
}

/// <summary>One requirement with its set and the requirements it refers to.</summary>
internal sealed record RequirementView(Requirement Requirement, RequirementSet Set, IReadOnlyList<Requirement> Related);

/// <summary>A requirement as a grid row: flat, so each column sorts by its own name.</summary>
internal sealed record RequirementRow(
    string SetId, string Code, string Section, VerificationKind Verification, string Summary,
    IReadOnlyList<string> AppliesTo, IReadOnlyList<string> Standards, IReadOnlyList<string> Modules)
{
    public static RequirementRow Of(Requirement r) =>
        new(r.Key.SetId, r.Key.Code, r.Section, r.Verification, r.Summary, r.AppliesTo, r.Standards, r.Modules);

    public string Href => RequirementLinks.Detail(SetId, Code);
}

internal static class RequirementLinks
{
    public const string Catalogue = "/beheer/eisen";

    public static string Detail(string setId, string code) => $"{Catalogue}/{Uri.EscapeDataString(setId)}/{Uri.EscapeDataString(code)}";

    public static string Detail(RequirementKey key) => Detail(key.SetId, key.Code);
}
