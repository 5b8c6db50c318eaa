namespace Portal.Features.TrafficOrders.Publishing;

internal static class PublicationRegistration
{
    /// <summary>The order text template, the publication package and the sign register.</summary>
    public static IServiceCollection AddTrafficOrderPublication(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<OrderPublication>();
        services.AddScoped<OrderTemplates>();
        services.AddOptions<PublicationOptions>().Bind(configuration.GetSection("TrafficOrders:Publication"));
        return services;
    }
}
