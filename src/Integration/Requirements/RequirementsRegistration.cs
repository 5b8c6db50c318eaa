using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Portal.Integration.Requirements;

public static class RequirementsRegistration
{
    /// <summary>
    /// The requirement catalogue (<see cref="IRequirementCatalogue"/>, stored versions, loading a newer file) and the
    /// protocol certification dates. Contracts register their own <see cref="IRequirementAttachments"/> after this.
    /// </summary>
    public static IServiceCollection AddRequirementCatalogue(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<StoredRequirementCatalogue>();
        services.TryAddSingleton<IRequirementCatalogue>(sp => sp.GetRequiredService<StoredRequirementCatalogue>());
        services.TryAddScoped<IRequirementAttachments, NoRequirementAttachments>();
        services.TryAddScoped<RequirementCatalogueLoading>();
        services.TryAddScoped<ProtocolCertificationRegister>();
        return services;
    }
}
