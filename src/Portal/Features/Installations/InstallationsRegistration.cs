using Microsoft.Extensions.DependencyInjection.Extensions;
using Portal.Features.Contracts;
using Portal.Features.Installations.Board;
using Portal.Features.Installations.BulkUpdate;
using Portal.Features.Installations.CasePage;
using Portal.Features.Installations.Workspace;

namespace Portal.Features.Installations;

internal static class InstallationsRegistration
{
    /// <summary>Installation cases: opened for spots ready for installation, reported step by step by the CPO.</summary>
    public static IServiceCollection AddInstallations(this IServiceCollection services)
    {
        services.AddScoped<InstallationAccess>();
        services.AddScoped<InstallationService>();
        services.AddScoped<ChargePointLeavesSpot>();
        services.AddScoped<SignsFollowInstallation>();
        services.AddScoped<RemovalTrafficOrders>();
        services.AddScoped<InstallationBulkUpdate>();
        services.AddScoped<CpoInstallationQueries>();
        services.AddScoped<InstallationBoardQueries>();
        services.AddScoped<InstallationCaseQueries>();
        services.AddScoped<InstallationAttachmentService>();
        services.TryAddScoped<ContractFileUpload>();
        return services;
    }
}
