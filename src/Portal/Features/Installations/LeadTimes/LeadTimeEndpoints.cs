using System.Globalization;
using System.Security.Claims;
using Portal.Domain.Accounts;

namespace Portal.Features.Installations.LeadTimes;

internal static class LeadTimeEndpoints
{
    /// <summary>The lead-time figures as CSV, for the same people as the page: officers (their municipalities' cases) and administrators (all).</summary>
    public static void MapLeadTimeEndpoints(this WebApplication app)
    {
        app.MapGet("/beheer/installaties/doorlooptijden.csv", async (ClaimsPrincipal user, LeadTimeFigures figures, HttpContext context, CancellationToken ct) =>
        {
            LeadTimeReport report;
            try
            {
                report = await figures.ReportAsync(user, ct);
            }
            catch (UnauthorizedAccessException)
            {
                return Results.NotFound();
            }
            context.Response.Headers.CacheControl = "private, no-store";
            return Results.File(LeadTimeFigures.Csv(report), "text/csv; charset=utf-8",
                string.Create(CultureInfo.InvariantCulture, $"doorlooptijden-{report.Today:yyyy-MM-dd}.csv"));
        }).RequireAuthorization(p => p.RequireRole(PortalRoles.Officer, PortalRoles.Admin));
    }
}
