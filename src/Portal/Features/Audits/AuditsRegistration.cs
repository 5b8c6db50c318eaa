using System.Security.Claims;
using Portal.Features.AuditReports;
using Portal.Domain.Accounts;

namespace Portal.Features.Audits;

internal static class AuditsRegistration
{
    /// <summary>The audit runs: the input reader, the service, the mails.</summary>
    public static IServiceCollection AddAudits(this IServiceCollection services)
    {
        services.AddScoped<UptimeInputReader>();
        services.AddScoped<AuditRunService>();
        services.AddScoped<AuditMailer>();
        services.AddScoped<AuditRunReports>();
        services.AddScoped<AuditTrends>();
        return services;
    }

    /// <summary>
    /// A run's files (the PDF, the CSV per EVSE and the EV-ChART-shaped modules) for the officers of its contract, its
    /// operator's CPO users and administrators; anyone else: not found.
    /// </summary>
    public static void MapAuditEndpoints(this WebApplication app)
    {
        foreach (var prefix in new[] { AuditPaths.Officer, AuditPaths.Cpo })
        {
            foreach (var (file, path) in AuditReportDownloads.Paths)
            {
                app.MapGet($"{prefix}/{{id:guid}}/{path}", async (Guid id, ClaimsPrincipal user, AuditRunReports reports, AuditReportDownloads downloads, HttpContext context,
                    CancellationToken ct) => await reports.BuildAsync(user, id, ct) is { } report ? downloads.Download(report, file, context) : Results.NotFound())
                    .RequireAuthorization(p => p.RequireRole(PortalRoles.Officer, PortalRoles.Admin, PortalRoles.CpoUser));
            }
        }
    }
}
