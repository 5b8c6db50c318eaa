using Portal.Features.TrafficOrders.Publishing;

namespace Portal.Features.TrafficOrders;

internal static class TrafficOrdersRegistration
{
    /// <summary>Traffic orders: drafting from spots, their steps, and making them final when their term lapsed.</summary>
    public static IServiceCollection AddTrafficOrders(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<TrafficOrderService>();
        services.AddScoped<TrafficOrderSpots>();
        services.AddScoped<TrafficOrderQueries>();
        services.AddScoped<PlannedLocations>();
        services.AddScoped<Map.IPlannedLocations>(provider => provider.GetRequiredService<PlannedLocations>());
        services.AddOptions<TrafficOrderOptions>().Bind(configuration.GetSection("TrafficOrders"));
        services.AddTrafficOrderPublication(configuration);
        return services;
    }
}
