namespace Portal.Features.Policies;

internal static class PoliciesRegistration
{
    /// <summary>Each municipality's charging policy and permit zones, and their editor.</summary>
    public static IServiceCollection AddPolicies(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<MunicipalityPolicies>();
        services.AddScoped<PolicyEditor>();
        return services;
    }
}
