namespace Portal.Features.Applying;

internal static class ApplyingRegistration
{
    /// <summary>The resident side of applications: the address lookup and the journey's service.</summary>
    public static IServiceCollection AddApplying(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<ApplyAddressLookup>();
        services.AddScoped<ResidentApplications>();
        return services;
    }
}
