namespace Portal.Features.Usage;

internal static class UsageRegistration
{
    /// <summary>Usage reports: sessions, kWh and occupancy per charge point, location, district and CPO, per month.</summary>
    public static IServiceCollection AddUsageReports(this IServiceCollection services)
    {
        services.AddScoped<UsageReports>();
        return services;
    }
}
