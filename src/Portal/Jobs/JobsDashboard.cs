using Hangfire;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Http.Metadata;
using Portal.Domain.Accounts;

namespace Portal.Jobs;

/// <summary>
/// Hangfire's dashboard at /admin/jobs, for administrators only: the endpoint requires the Admin role (so an
/// anonymous visitor is sent to the login page and other roles get 403), and the dashboard checks the same
/// itself. Its POST actions (retry, delete, trigger) need ASP.NET Core's antiforgery token, which the
/// dashboard's pages carry.
/// </summary>
internal static class JobsDashboard
{
    public const string Path = "/admin/jobs";

    public static void MapPortalJobsDashboard(this WebApplication app)
    {
        var options = new DashboardOptions
        {
            AppPath = "/admin",
            DashboardTitle = "Achtergrondtaken",
            DisplayStorageConnectionString = false,
            Authorization = [new AdministratorsOnly()],
        };
        // No portal status page for a refusal: re-executing a refused POST (the dashboard's own calls) as the
        // status page would run into that page's antiforgery check and turn the 403 into a 400.
        app.MapHangfireDashboard(Path, options, app.Services.GetRequiredService<JobStorage>())
            .RequireAuthorization(policy => policy.RequireRole(PortalRoles.Admin))
            .WithMetadata(new NoStatusCodePage());
    }

    private sealed class NoStatusCodePage : ISkipStatusCodePagesMetadata;

    private sealed class AdministratorsOnly : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context) => context.GetHttpContext().User.IsInRole(PortalRoles.Admin);
    }
}
