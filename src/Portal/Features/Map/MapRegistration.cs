using Portal.Components.Shared;

namespace Portal.Features.Map;

internal static class MapRegistration
{
    /// <summary>The public map, its layers' in-memory indexes, address search and the eligibility check.</summary>
    public static IServiceCollection AddMap(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<MapIndexCache>();
        services.AddScoped<AddressFinder>();
        services.AddScoped<EligibilityService>();
        services.AddOptions<MapOptions>().Bind(configuration.GetSection("Map"));
        return services;
    }
}
