namespace Portal.Features.Operators;

internal static class OperatorsRegistration
{
    /// <summary>A charge point operator's own page of its locations.</summary>
    public static IServiceCollection AddOperators(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<OperatorQueries>();
        services.AddScoped<OperatorContractsDue>();
        return services;
    }
}
