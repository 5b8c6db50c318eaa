using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Portal.Features.Contracts.Documents;

internal static class ContractDocumentsRegistration
{
    /// <summary>A contract's documents (the signed contract, annexes, amendments): upload, removal, list and download, in the same document store as evidence.</summary>
    public static IServiceCollection AddContractDocuments(this IServiceCollection services)
    {
        services.TryAddScoped<ContractFileUpload>();
        services.AddScoped<ContractDocumentService>();
        services.AddScoped<ContractDocumentQueries>();
        return services;
    }
}
