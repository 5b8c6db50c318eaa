using Microsoft.Extensions.DependencyInjection.Extensions;
using Portal.Features.Contracts.Compliance;
using Portal.Integration.Contracts;
using Portal.Integration.Contracts.Evidence;
using Portal.Integration.Contracts.TariffCaps;

namespace Portal.Features.Contracts.Evidence;

internal static class EvidenceRegistration
{
    /// <summary>Contract evidence (upload, review, download, expiry round) and the tariff-cap check. Files go to the same document store as applications'.</summary>
    public static IServiceCollection AddContractEvidence(this IServiceCollection services)
    {
        services.TryAddScoped<ContractFileUpload>();
        services.AddScoped<EvidenceAccess>();
        services.AddScoped<EvidenceService>();
        services.AddScoped<EvidenceQueries>();
        services.AddScoped<EvidenceExpiryReminders>();
        services.AddScoped<TariffCapChecker>();
        services.AddScoped<ComplianceOverviewBuilder>();
        // Whichever feature registers first, the requirement states are judged by the stored evidence.
        services.RemoveAll<IContractEvidence>();
        services.AddScoped<IContractEvidence, StoredContractEvidence>();
        return services;
    }
}
