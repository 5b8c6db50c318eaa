using Portal.Features.Demo.SimulatedCpo;

namespace Portal.Features.Demo;

internal static class DemoRegistration
{
    /// <summary>Demo data and the simulated charge point operator.</summary>
    public static IServiceCollection AddDemo(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<DemoSeeder>();
        services.AddScoped<DemoApplications>();
        services.AddOptions<DemoOptions>().Bind(configuration.GetSection("Demo"));
        services.AddSimulatedCpo(configuration);
        return services;
    }
}
