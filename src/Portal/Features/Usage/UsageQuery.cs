using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using Portal.Domain.Audits.Usage;

namespace Portal.Features.Usage;

/// <summary>What the usage rows are grouped by. A district is a postcode area (PC4): the portal has no districts.</summary>
public enum UsageGrouping
{
    ChargePoint,
    Location,
    District,
    Operator,
}

public enum UsageSort
{
    Name,
    Sessions,
    Kwh,
    Occupancy,
}

/// <summary>
/// One view of the usage report: the month (default the last full month), the grouping, the order, the page and the
/// filters. The page and the CSV read the same query, the CSV from its query string.
/// </summary>
public sealed record UsageQuery(
    UsageMonth? Month = null,
    UsageGrouping Grouping = UsageGrouping.ChargePoint,
    UsageSort Sort = UsageSort.Name,
    bool Descending = false,
    Guid? OperatorId = null,
    Guid? MunicipalityId = null,
    int Page = 0,
    int PageSize = 25)
{
    public const int MaxPageSize = 100;

    /// <summary>The query string of this view for the CSV link (without page: the CSV holds every row).</summary>
    public string ToQueryString(UsageMonth month)
    {
        var values = new Dictionary<string, string?>
        {
            ["maand"] = month.ToString(),
            ["groep"] = Grouping.ToString(),
            ["sorteer"] = Sort.ToString(),
            ["aflopend"] = Descending ? "1" : null,
            ["cpo"] = OperatorId?.ToString(),
            ["gemeente"] = MunicipalityId?.ToString(),
        };
        return QueryHelpers.AddQueryString("", values.Where(v => v.Value is not null));
    }

    public static UsageQuery FromQueryString(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return new UsageQuery(
            UsageMonth.Parse(query["maand"]),
            Enum.TryParse<UsageGrouping>(query["groep"], ignoreCase: true, out var grouping) ? grouping : UsageGrouping.ChargePoint,
            Enum.TryParse<UsageSort>(query["sorteer"], ignoreCase: true, out var sort) ? sort : UsageSort.Name,
            query["aflopend"] == "1",
            Guid.TryParse(query["cpo"], CultureInfo.InvariantCulture, out var cpo) ? cpo : null,
            Guid.TryParse(query["gemeente"], CultureInfo.InvariantCulture, out var municipality) ? municipality : null);
    }
}
