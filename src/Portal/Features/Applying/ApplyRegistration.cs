namespace Portal.Features.Applying;

internal static class ApplyRegistration
{
    /// <summary>The resident side of applications: the address lookup and the journey's service.</summary>
    public static IServiceCollection AddResidentApplications(this IServiceCollection services)
    {
        services.AddScoped<ApplyAddressLookup>();
        services.AddScoped<ResidentApplications>();
        return services;
    }
}
