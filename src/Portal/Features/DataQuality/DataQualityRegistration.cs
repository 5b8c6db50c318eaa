namespace Portal.Features.DataQuality;

internal static class DataQualityRegistration
{
    /// <summary>The data-quality KPIs per CPO: computing, the pages' service, the nightly month close.</summary>
    public static IServiceCollection AddDataQuality(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DataQualityOptions>().Bind(configuration.GetSection(DataQualityOptions.Section));
        services.AddScoped<DataQualityCalculator>();
        services.AddScoped<DataQualityService>();
        services.AddScoped<DataQualityMonthClose>();
        return services;
    }
}
