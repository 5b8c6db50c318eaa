namespace Portal.Features.Officers;

internal static class OfficersRegistration
{
    /// <summary>The officer's dashboard.</summary>
    public static IServiceCollection AddOfficers(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<OfficerDashboardQueries>();
        return services;
    }
}
