namespace Portal.Features.Demo.SimulatedCpo;

internal static class SimulatedCpoRegistration
{
    /// <summary>Only when <see cref="SimulatedCpoOptions.IsOn"/> (see AddDemo); otherwise none of it is in the container and its endpoints are not mapped.</summary>
    public static IServiceCollection AddSimulatedCpo(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SimulatedCpoOptions>().Bind(configuration.GetSection(SimulatedCpoOptions.Section));
        services.AddSingleton<SimulatedCpoWorld>();
        services.AddSingleton<SimulatedCpoClient>();
        services.AddSingleton<SimulatedCpoRunner>();
        services.AddHostedService(sp => sp.GetRequiredService<SimulatedCpoRunner>());
        services.AddHttpClient(SimulatedCpoClient.HttpClientName, http => http.Timeout = TimeSpan.FromSeconds(30));
        return services;
    }

    public static void MapSimulatedCpo(this WebApplication app)
    {
        if (SimulatedCpoOptions.IsOn(app.Configuration, app.Environment))
            app.MapSimulatedCpoEndpoints();
    }
}
