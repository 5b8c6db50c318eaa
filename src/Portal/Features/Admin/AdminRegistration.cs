using Microsoft.Extensions.DependencyInjection.Extensions;
using Portal.Integration.Ocpi.Connections;

namespace Portal.Features.Admin;

internal static class AdminRegistration
{
    /// <summary>The administrator's pages: OCPI connections, users and municipalities.</summary>
    public static IServiceCollection AddAdmin(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<OcpiConnectionQueries>();
        services.AddScoped<OcpiAdministration>();
        // Replaces Integration's silent default, whichever of the two registers first.
        services.Replace(ServiceDescriptor.Scoped<IOcpiConnectionAlerts, FailingConnectionMailer>());
        services.AddScoped<UserAdministration>();
        services.AddScoped<TenantAdministration>();
        return services;
    }
}
