using Portal.Features.Demo.SimulatedCpo;

namespace Portal.Features.Demo;

internal static class DemoRegistration
{
    /// <summary>Demo data, and the simulated charge point operator when its setting asks for it.</summary>
    public static IServiceCollection AddDemo(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddScoped<DemoSeeder>();
        services.AddScoped<DemoApplications>();
        services.AddScoped<DemoContract>();
        services.AddScoped<DemoInstallations>();
        services.AddScoped<DemoUsage>();
        services.AddScoped<DemoFieldCheck>();
        services.AddScoped<DemoFindings>();
        services.AddScoped<DemoSmartCharging>();
        services.AddOptions<DemoOptions>().Bind(configuration.GetSection("Demo"));
        if (SimulatedCpoOptions.IsOn(configuration, environment))
            services.AddSimulatedCpo(configuration);
        return services;
    }
}
