namespace Portal.Features.Installations.Maintenance;

internal static class MaintenanceRegistration
{
    /// <summary>Planned-maintenance windows declared by CPOs, compared with the OCPI status_schedule.</summary>
    public static IServiceCollection AddMaintenanceWindows(this IServiceCollection services)
    {
        services.AddScoped<MaintenanceWindowService>();
        return services;
    }
}
