namespace Portal.Features.Spots;

internal static class SpotsRegistration
{
    /// <summary>Planned charging spots: the officer's list, map, import and status changes.</summary>
    public static IServiceCollection AddSpots(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<SpotService>();
        services.AddOptions<SpotOptions>().Bind(configuration.GetSection("Spots"));
        return services;
    }
}
