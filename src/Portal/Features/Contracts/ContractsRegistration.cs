using Microsoft.Extensions.DependencyInjection.Extensions;
using Portal.Integration.Contracts;
using Portal.Integration.Requirements;

namespace Portal.Features.Contracts;

internal static class ContractsRegistration
{
    /// <summary>Contracts with CPOs: the register, its versions, terms, coverage and attached requirements.</summary>
    public static IServiceCollection AddContracts(this IServiceCollection services)
    {
        services.AddScoped<ContractAccess>();
        services.AddScoped<ContractService>();
        services.AddScoped<ContractQueries>();
        services.TryAddScoped<IContractEvidence, NoContractEvidence>();
        // Replaces the catalogue's "nothing attached" answer (registered with TryAdd), whichever registers first.
        services.AddScoped<IRequirementAttachments, ContractRequirementAttachments>();
        return services;
    }
}
