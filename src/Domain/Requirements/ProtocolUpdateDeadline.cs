namespace Portal.Domain.Requirements;

/// <summary>
/// How long a CPO has to implement a new version of a required protocol, counted from the day independent certification
/// for it became available: the catalogue's <c>major_version_update</c> and <c>minor_version_update</c> thresholds,
/// in <c>max_months</c> (ElaadNL G-3: 18 and 6 months).
/// </summary>
public sealed record ProtocolUpdateDeadline(int MajorMonths, int MinorMonths)
{
    public const string MajorMetric = "major_version_update";
    public const string MinorMetric = "minor_version_update";
    public const string MonthsLimit = "max_months";

    public int MonthsFor(ProtocolUpdateKind kind) => kind == ProtocolUpdateKind.Major ? MajorMonths : MinorMonths;

    /// <summary>
    /// The last day the new version may go unimplemented: the availability date plus the months for its kind, on the
    /// same day of the month, or the month's last day where that month is shorter (31 August + 6 months = 28 February,
    /// or 29 February in a leap year). Contract terms are not moved off weekends or holidays.
    /// </summary>
    public DateOnly DueOn(DateOnly certificationAvailableOn, ProtocolUpdateKind kind) =>
        certificationAvailableOn.AddMonths(MonthsFor(kind));

    /// <summary>
    /// The terms as the catalogue states them: the first requirement with both metrics (each with whole
    /// <c>max_months</c>) gives them, or null when the catalogue has no such requirement.
    /// </summary>
    public static ProtocolUpdateDeadline? From(RequirementCatalogue catalogue)
    {
        foreach (var requirement in catalogue.Requirements)
        {
            var major = Months(requirement, MajorMetric);
            var minor = Months(requirement, MinorMetric);
            if (major is { } majorMonths && minor is { } minorMonths)
                return new ProtocolUpdateDeadline(majorMonths, minorMonths) { Source = requirement.Key };
        }
        return null;
    }

    /// <summary>The requirement the terms come from, when read from a catalogue.</summary>
    public RequirementKey? Source { get; init; }

    private static int? Months(Requirement requirement, string metric) =>
        requirement.Thresholds.FirstOrDefault(t => t.Metric == metric)?.Limits.GetValueOrDefault(MonthsLimit) is { } months
        && months > 0 && months == decimal.Truncate(months) && months <= 1200
            ? (int)months
            : null;
}
