namespace Portal.Domain.Requirements;

/// <summary>
/// A measurable limit of a requirement, as the catalogue writes it: a metric ("availability"), numbers whose names
/// carry their unit and direction ("min_percent" 95, "max_months" 18) and qualifiers in words ("period" "year").
/// </summary>
public sealed record RequirementThreshold(
    string Metric,
    IReadOnlyDictionary<string, decimal> Limits,
    IReadOnlyDictionary<string, string> Qualifiers);
