using System.Globalization;
using System.Security.Claims;
using Portal.Components.Shared;
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
        return services;
    }

    /// <summary>A run's per-EVSE CSV, for the officers of its contract, its operator's CPO users and administrators (anyone else: not found).</summary>
    public static void MapAuditEndpoints(this WebApplication app)
    {
        foreach (var prefix in new[] { AuditPaths.Officer, AuditPaths.Cpo })
        {
            app.MapGet(prefix + "/{id:guid}/evses.csv", async (Guid id, ClaimsPrincipal user, AuditRunService service, HttpContext context, CancellationToken ct) =>
            {
                if (await service.FindAsync(user, id, ct) is not { } view)
                    return Results.NotFound();
                return PrivateDownload.Of(new MemoryStream(AuditRunService.Csv(view.Run)), "text/csv; charset=utf-8",
                    string.Create(CultureInfo.InvariantCulture, $"audit-{view.Run.PeriodStart:yyyy-MM}-{view.Run.Kind}-v{view.Run.Version}.csv"), context);
            }).RequireAuthorization(p => p.RequireRole(PortalRoles.Officer, PortalRoles.Admin, PortalRoles.CpoUser));
        }
    }
}
