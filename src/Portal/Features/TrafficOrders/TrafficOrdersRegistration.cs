using Portal.Features.TrafficOrders.Publishing;

namespace Portal.Features.TrafficOrders;

internal static class TrafficOrdersRegistration
{
    /// <summary>Traffic orders: drafting from spots, their steps, and making them final when their term lapsed.</summary>
    public static IServiceCollection AddTrafficOrders(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<TrafficOrderService>();
        services.AddOptions<TrafficOrderOptions>().Bind(configuration.GetSection("TrafficOrders"));
        services.AddTrafficOrderPublication(configuration);
        return services;
    }
}
