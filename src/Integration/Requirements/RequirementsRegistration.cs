using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Portal.Integration.Requirements;

public static class RequirementsRegistration
{
    /// <summary>The requirement catalogue: <see cref="IRequirementCatalogue"/>.</summary>
    public static IServiceCollection AddRequirementCatalogue(this IServiceCollection services)
    {
        services.TryAddSingleton<IRequirementCatalogue, SeedRequirementCatalogue>();
        return services;
    }
}
