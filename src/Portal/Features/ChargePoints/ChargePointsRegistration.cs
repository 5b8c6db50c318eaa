using Portal.Integration.ChargePoints;

namespace Portal.Features.ChargePoints;

internal static class ChargePointsRegistration
{
    /// <summary>The charge point registry: public search, the back-office list and the import.</summary>
    public static IServiceCollection AddChargePoints(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<ChargePointQueries>();
        services.AddScoped<BackOfficeChargePoints>();
        services.AddScoped<ChargeLocationImporter>();
        services.AddScoped<ChargePointImport>();
        return services;
    }
}
