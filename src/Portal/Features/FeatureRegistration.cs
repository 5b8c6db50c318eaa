using Microsoft.AspNetCore.Identity;
using Portal.Features.Accounts;
using Portal.Features.Admin;
using Portal.Features.Applications;
using Portal.Features.Applying;
using Portal.Features.Assessment;
using Portal.Features.AuditReports;
using Portal.Features.Audits;
using Portal.Features.ChargePoints;
using Portal.Features.Contracts;
using Portal.Features.Contracts.Compliance;
using Portal.Features.Contracts.Documents;
using Portal.Features.Contracts.Evidence;
using Portal.Features.Contracts.Power;
using Portal.Features.Contracts.Protocols;
using Portal.Features.DataQuality;
using Portal.Features.Demo;
using Portal.Features.Demo.SimulatedCpo;
using Portal.Features.Faults;
using Portal.Features.FieldChecks;
using Portal.Features.Findings;
using Portal.Features.SmartCharging;
using Portal.Features.Home;
using Portal.Features.Installations;
using Portal.Features.Installations.BulkUpdate;
using Portal.Features.Installations.CasePage;
using Portal.Features.Installations.Commissioning;
using Portal.Features.Installations.LeadTimes;
using Portal.Features.Installations.Maintenance;
using Portal.Features.Mail;
using Portal.Features.Exclusions;
using Portal.Features.IngestHealth;
using Portal.Features.Map;
using Portal.Features.Officers;
using Portal.Features.Operators;
using Portal.Features.Policies;
using Portal.Features.Requirements;
using Portal.Features.Residents;
using Portal.Features.Spots;
using Portal.Features.TrafficOrders;
using Portal.Features.TrafficOrders.Publishing;
using Portal.Features.TrafficOrders.Objections;
using Portal.Features.Usage;
using Portal.Hosting;
using Portal.Integration.Accounts;

namespace Portal.Features;

/// <summary>Each feature once: its services (in its own &lt;Feature&gt;Registration) and its endpoints.</summary>
internal static class FeatureRegistration
{
    public static IServiceCollection AddPortalFeatures(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddAccounts(configuration);
        services.AddChargePoints(configuration);
        services.AddAdmin(configuration);
        services.AddHome(configuration);
        services.AddOfficers(configuration);
        services.AddOperators(configuration);
        services.AddResidents(configuration);
        services.AddDemo(configuration, environment);
        services.AddSpots(configuration);
        services.AddTrafficOrders(configuration);
        services.AddContracts();
        services.AddInstallations();
        services.AddInstallationFollowUp(configuration);
        services.AddFaults(configuration);
        services.AddMaintenanceWindows();
        services.AddMap(configuration);
        services.AddApplications(configuration);
        services.AddAssessment(configuration);
        services.AddPolicies(configuration);
        services.AddMail(configuration);
        services.AddApplying(configuration);
        services.AddRequirements(configuration);
        services.AddContractEvidence();
        services.AddContractDocuments();
        services.AddContractProtocolUpdates();
        services.AddContractPower();
        services.AddExclusions();
        services.AddIngestHealth(configuration);
        services.AddDataQuality(configuration);
        services.AddAudits();
        services.AddUsageReports();
        services.AddAuditReports();
        services.AddFieldChecks();
        services.AddFindings(configuration);
        services.AddSmartCharging(configuration);
        return services;
    }

    public static void MapPortalEndpoints(this WebApplication app)
    {
        app.MapGet("/taal/{culture}", (string culture, string? returnUrl, HttpContext context, UserManager<PortalUser> users) =>
            LocalizationRegistration.SwitchLanguageAsync(culture, returnUrl, context, users));
        app.MapAccountEndpoints();
        app.MapResidentEndpoints();
        app.MapMapEndpoints();
        app.MapSpotEndpoints();
        app.MapPublicationEndpoints();
        app.MapContractEvidenceEndpoints();
        app.MapContractDocumentEndpoints();
        app.MapInstallationAttachmentEndpoints();
        app.MapExclusionEndpoints();
        app.MapComplianceExportEndpoints();
        app.MapLeadTimeEndpoints();
        app.MapDataQualityEndpoints();
        app.MapAuditEndpoints();
        app.MapUsageEndpoints();
        app.MapPolicyEndpoints();
        app.MapChargePointEndpoints();
        app.MapApplicationDocumentEndpoints();
        app.MapObjectionDocumentEndpoints();
        app.MapInstallationBulkUpdateEndpoints();
        app.MapFieldCheckEndpoints();
        app.MapFindingEndpoints();
        app.MapSimulatedCpo();
    }
}
