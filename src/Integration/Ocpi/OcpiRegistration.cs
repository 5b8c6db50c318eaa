using Microsoft.Extensions.DependencyInjection;
using Portal.Integration.Ocpi.Connections;
using Portal.Integration.Ocpi.Receiving;

namespace Portal.Integration.Ocpi;

public static class OcpiRegistration
{
    public static IServiceCollection AddOcpi(this IServiceCollection services)
    {
        services.AddScoped<OcpiConnections>();
        services.AddScoped<LocationReceiver>();
        return services;
    }
}
