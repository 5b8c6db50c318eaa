using Microsoft.Extensions.DependencyInjection.Extensions;
using Portal.Integration.Contracts;

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
        return services;
    }
}
