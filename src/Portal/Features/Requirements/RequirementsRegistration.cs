namespace Portal.Features.Requirements;

internal static class RequirementsRegistration
{
    /// <summary>The catalogue pages: browsing for officers, administrators and CPO users; loading and protocol dates for administrators.</summary>
    public static IServiceCollection AddRequirements(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<CatalogueBrowser>();
        services.AddScoped<CatalogueAdministration>();
        return services;
    }
}
