using System.Globalization;
using Microsoft.Extensions.Localization;
using Portal.Domain.Requirements;
using Portal.Resources;

namespace Portal.Features.Requirements;

/// <summary>
/// The catalogue's vocabulary in the reader's language. A newer catalogue may bring values the texts do not know yet:
/// those show as the catalogue writes them.
/// </summary>
internal static class RequirementTexts
{
    private static readonly string[] Units = ["percent", "months", "years", "days", "hours", "minutes", "seconds", "kw", "ma", "v", "hz", "a"];

    public static string Kind(IStringLocalizer<Texts> T, VerificationKind kind) => T[$"Requirements.Kind.{kind}"];

    public static string KindHint(IStringLocalizer<Texts> T, VerificationKind kind) => T[$"Requirements.KindHint.{kind}"];

    public static string Section(IStringLocalizer<Texts> T, string section) => Known(T, $"Requirements.Section.{section}", section);

    public static string AppliesTo(IStringLocalizer<Texts> T, string value) => Known(T, $"Requirements.AppliesTo.{value}", value);

    public static string Metric(IStringLocalizer<Texts> T, string metric) => Known(T, $"Requirements.Metric.{metric}", Words(metric));

    public static string Field(IStringLocalizer<Texts> T, RequirementField field) => T[$"Requirements.Field.{field}"];

    /// <summary>
    /// A limit in words with its unit, read from the field's name: "max_months" 18 is "at most 18 months", "min_percent"
    /// 95 "at least 95 %", "voltage_v" 230 "voltage: 230 V"; names without a known unit show the number as it is.
    /// </summary>
    public static string Limit(IStringLocalizer<Texts> T, string name, decimal value)
    {
        var parts = name.Split('_', StringSplitOptions.RemoveEmptyEntries).ToList();
        var bound = parts.Count > 1 && parts[0] is "min" or "max" ? parts[0] : null;
        if (bound is not null)
            parts.RemoveAt(0);
        var unitIndex = parts.FindIndex(p => Units.Contains(p));
        var unit = unitIndex >= 0 ? parts[unitIndex] : null;
        if (unitIndex >= 0)
            parts.RemoveAt(unitIndex);
        var number = value.ToString("0.##########", CultureInfo.CurrentCulture);
        var amount = unit is null ? number : T[$"Requirements.Unit.{unit}", number].Value;
        if (bound is not null)
            amount = T[$"Requirements.Bound.{bound}", amount];
        var label = string.Join('_', parts);
        return label.Length == 0 ? amount : $"{Known(T, $"Requirements.Limit.{label}", Words(label))}: {amount}";
    }

    public static string Qualifier(IStringLocalizer<Texts> T, string name, string value) =>
        $"{Known(T, $"Requirements.Qualifier.{name}", Words(name))}: {value}";

    /// <summary>A threshold on one line: its metric, then its limits and qualifiers.</summary>
    public static string Threshold(IStringLocalizer<Texts> T, RequirementThreshold threshold) =>
        $"{Metric(T, threshold.Metric)}: " + string.Join("; ",
            threshold.Limits.Select(l => Limit(T, l.Key, l.Value)).Concat(threshold.Qualifiers.Select(q => Qualifier(T, q.Key, q.Value))));

    private static string Known(IStringLocalizer<Texts> T, string key, string fallback) =>
        T[key] is { ResourceNotFound: false } text ? text.Value : fallback;

    private static string Words(string name) => name.Replace('_', ' ');
}
