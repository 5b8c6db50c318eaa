namespace Portal.Features.Residents;

internal static class ResidentsRegistration
{
    /// <summary>A resident's own data: view, download, delete.</summary>
    public static IServiceCollection AddResidents(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<MyDataService>();
        return services;
    }
}
