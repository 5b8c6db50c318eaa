using Portal.Features.TrafficOrders.Publishing;
using Portal.Features.TrafficOrders.Objections;
using Portal.Features.TrafficOrders.Public;

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
        services.AddOptions<TrafficOrderOptions>().Bind(configuration.GetSection("TrafficOrders"))
            .Validate(o => o.ObjectionReminderDays is >= 0 and <= 84, "TrafficOrders:ObjectionReminderDays must be 0 to 84 days.")
            .ValidateOnStart();
        services.AddTrafficOrderPublication(configuration);
        // Objections and views, the public order page, and the mails to objectors and applicants.
        services.AddScoped<ObjectionService>();
        services.AddScoped<ObjectionQueries>();
        services.AddScoped<ObjectionMailer>();
        services.AddScoped<ObjectionReminders>();
        services.AddScoped<PublicTrafficOrders>();
        services.AddScoped<TrafficOrderApplicantMailer>();
        return services;
    }
}
