namespace Portal.Features.SmartCharging;

internal static class SmartChargingRegistration
{
    /// <summary>Smart-charging compliance tests: running them (started by officers or the schedule) and the pages.</summary>
    public static IServiceCollection AddSmartCharging(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SmartChargingOptions>().Bind(configuration.GetSection(SmartChargingOptions.Section));
        services.AddScoped<SmartChargingRunner>();
        services.AddScoped<SmartChargingService>();
        return services;
    }
}
