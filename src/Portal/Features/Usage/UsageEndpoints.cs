using System.Globalization;
using System.Security.Claims;
using System.Text;
using Portal.Domain.Accounts;
using Portal.Integration.Csv;

namespace Portal.Features.Usage;

internal static class UsageEndpoints
{
    public const char Separator = ';';

    private static readonly string[] Columns =
    [
        "month", "grouping", "key", "name", "detail", "operator", "municipality", "evses", "sessions", "kwh", "charging_hours", "occupancy_percent", "busy_evses",
    ];

    /// <summary>The current view of the usage report as CSV, every row; for the same people as the page, over the same charge points.</summary>
    public static void MapUsageEndpoints(this WebApplication app)
    {
        foreach (var path in (string[])["/beheer/gebruik.csv", "/cpo/gebruik.csv"])
        {
            app.MapGet(path, async (ClaimsPrincipal user, UsageReports reports, HttpContext context, CancellationToken ct) =>
            {
                UsageReport report;
                try
                {
                    report = await reports.ReportAsync(user, UsageQuery.FromQueryString(context.Request.Query), allRows: true, ct);
                }
                catch (UnauthorizedAccessException)
                {
                    return Results.NotFound();
                }
                context.Response.Headers.CacheControl = "private, no-store";
                return Results.File(Csv(report), "text/csv; charset=utf-8", string.Create(CultureInfo.InvariantCulture, $"gebruik-{report.Month}.csv"));
            }).RequireAuthorization(p => p.RequireRole(PortalRoles.Officer, PortalRoles.CpoUser, PortalRoles.Admin));
        }
    }

    /// <summary>One line per row of the view, numbers with a decimal point; kWh to 3 decimals, hours and occupancy to 2.</summary>
    public static byte[] Csv(UsageReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var csv = new StringBuilder();
        CsvWriting.Line(csv, Columns, Separator);
        foreach (var row in report.Rows)
        {
            var f = row.Figures;
            CsvWriting.Line(csv,
            [
                report.Month.ToString(), report.Query.Grouping.ToString(), row.Key, row.Name, row.Detail ?? "", row.OperatorName, row.MunicipalityName,
                Number(f.Evses), Number(f.Sessions), f.Kwh.ToString("0.###", CultureInfo.InvariantCulture),
                f.ChargingHours.ToString("0.##", CultureInfo.InvariantCulture), (f.Occupancy * 100).ToString("0.##", CultureInfo.InvariantCulture), Number(f.BusyEvses),
            ], Separator);
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
