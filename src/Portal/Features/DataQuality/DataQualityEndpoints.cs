using System.Globalization;
using System.Security.Claims;
using Portal.Domain.Accounts;

namespace Portal.Features.DataQuality;

internal static class DataQualityEndpoints
{
    /// <summary>The offending EVSEs of an operator and month as CSV, for the same people as the page.</summary>
    public static void MapDataQualityEndpoints(this WebApplication app)
    {
        app.MapGet("/beheer/datakwaliteit/{operatorId:guid}/evses.csv", async (Guid operatorId, string? maand, ClaimsPrincipal user, DataQualityService service,
            HttpContext context, CancellationToken ct) =>
        {
            var period = service.PeriodOf(maand);
            if (await service.ReportAsync(user, operatorId, period, ct) is not { } report)
                return Results.NotFound();
            context.Response.Headers.CacheControl = "private, no-store";
            return Results.File(DataQualityService.Csv(report), "text/csv; charset=utf-8",
                string.Create(CultureInfo.InvariantCulture, $"datakwaliteit-{period.FirstDay:yyyy-MM}.csv"));
        }).RequireAuthorization(p => p.RequireRole(PortalRoles.Officer, PortalRoles.Admin, PortalRoles.CpoUser));
    }
}
