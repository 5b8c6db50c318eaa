using Portal.Components.BackOffice;
using Portal.Domain.Audits.Usage;

namespace Portal.Features.Usage;

/// <summary>
/// One row of the report: a charge point, location, district or CPO, with its figures in the month. <see cref="Detail"/>
/// is the location's address for a charge point, the place for a location.
/// </summary>
public sealed record UsageRow(string Key, string Name, string? Detail, string OperatorName, string MunicipalityName, MonthlyUsage Figures);

/// <summary>A CPO a viewer can filter on.</summary>
public sealed record OperatorChoice(Guid Id, string Name);

/// <summary>
/// The report as one view shows it: the rows of the month (one page of them, or all for the CSV), the selection's
/// total of that month, and its 12 months up to and including the month for the chart.
/// </summary>
public sealed record UsageReport(
    UsageMonth Month,
    UsageQuery Query,
    IReadOnlyList<UsageRow> Rows,
    int TotalRows,
    MonthlyUsage Total,
    IReadOnlyList<MonthlyUsage> History,
    IReadOnlyList<OperatorChoice> Operators,
    IReadOnlyList<MunicipalityChoice> Municipalities,
    IReadOnlyList<BusyThresholds> Thresholds);
