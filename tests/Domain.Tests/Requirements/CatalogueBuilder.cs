using Portal.Domain.Requirements;

namespace Portal.Domain.Tests.Requirements;

/// <summary>Small catalogues written by hand for the rules' tests.</summary>
internal static class CatalogueBuilder
{
    public static Requirement Requirement(
        string set, string code, string summary = "A summary.", string section = "generic",
        IReadOnlyList<string>? appliesTo = null, IReadOnlyList<string>? standards = null,
        IReadOnlyList<RequirementThreshold>? thresholds = null, VerificationKind kind = VerificationKind.Declaration,
        IReadOnlyList<string>? related = null, string? note = null, int seedId = 1) =>
        new(new RequirementKey(set, code), seedId, section, "Heading", summary, appliesTo ?? ["AC"], standards ?? [], [],
            thresholds ?? [], kind, "How it is checked.", related ?? [], note);

    public static RequirementThreshold Threshold(string metric, params (string Name, object Value)[] fields) =>
        new(metric,
            fields.Where(f => f.Value is decimal).ToDictionary(f => f.Name, f => (decimal)f.Value),
            fields.Where(f => f.Value is string).ToDictionary(f => f.Name, f => (string)f.Value));

    public static RequirementSet Set(string id, params Requirement[] requirements) =>
        new(id, $"Title of {id}", null, $"{id}.txt", "A note.", requirements);

    public static RequirementCatalogue Catalogue(params RequirementSet[] sets) => new(1, sets);
}
