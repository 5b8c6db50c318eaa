namespace Portal.Features.IngestHealth;

internal static class IngestHealthRegistration
{
    /// <summary>The portal's own ingest-health record: every node's heartbeat, and the outages it shows per OCPI connection.</summary>
    public static IServiceCollection AddIngestHealth(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<IngestHealthOptions>().Bind(configuration.GetSection(IngestHealthOptions.Section));
        services.AddScoped<IngestHealthQueries>();
        services.AddHostedService<IngestHeartbeatService>();
        return services;
    }
}
