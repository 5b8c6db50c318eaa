using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Applications;
using Portal.Domain.Audits.Exclusions;
using Portal.Domain.Audits.IngestHealth;
using Portal.Domain.Audits.DataQuality;
using Portal.Domain.Audits.Runs;
using Portal.Domain.ChargePoints;
using Portal.Domain.Contracts;
using Portal.Domain.Contracts.Findings;
using Portal.Domain.Faults;
using Portal.Domain.Installations;
using Portal.Domain.Installations.Maintenance;
using Portal.Domain.Municipalities;
using Portal.Domain.Operators;
using Portal.Domain.Requirements;
using Portal.Domain.Spots;
using Portal.Domain.TrafficOrders;
using Portal.Domain.TrafficOrders.OrderTexts;
using Portal.Integration.Accounts;
using Portal.Integration.Audits;
using Portal.Integration.Changes;
using Portal.Integration.Mail;
using Portal.Integration.Ocpi.ChargingProfiles;
using Portal.Integration.Ocpi.Connections;
using Portal.Integration.Ocpi.Pulling;
using Portal.Integration.Ocpi.Receiving;
using Portal.Integration.Ocpi.Validation;
using Portal.Integration.Requirements;

namespace Portal.Integration.Persistence;

/// <summary>The one database of the portal, on SQLite, PostgreSQL or SQL Server.</summary>
public sealed class PortalDbContext(DbContextOptions<PortalDbContext> options) : IdentityDbContext<PortalUser>(options)
{
    public DbSet<Municipality> Municipalities => Set<Municipality>();
    public DbSet<OperatorOrganisation> Operators => Set<OperatorOrganisation>();
    public DbSet<OfficerMembership> OfficerMemberships => Set<OfficerMembership>();
    public DbSet<ChargeLocation> ChargeLocations => Set<ChargeLocation>();
    public DbSet<Evse> Evses => Set<Evse>();
    public DbSet<Spot> Spots => Set<Spot>();
    public DbSet<TrafficOrder> TrafficOrders => Set<TrafficOrder>();
    public DbSet<Objection> TrafficOrderObjections => Set<Objection>();
    public DbSet<Application> Applications => Set<Application>();
    public DbSet<OcpiConnection> OcpiConnections => Set<OcpiConnection>();
    public DbSet<OcpiLocationSnapshot> OcpiLocationSnapshots => Set<OcpiLocationSnapshot>();
    public DbSet<EvseStatusEvent> EvseStatusEvents => Set<EvseStatusEvent>();
    public DbSet<OcpiEvseVersion> OcpiEvseVersions => Set<OcpiEvseVersion>();
    public DbSet<OcpiPartnerEndpoint> OcpiPartnerEndpoints => Set<OcpiPartnerEndpoint>();
    public DbSet<OcpiPullCheckpoint> OcpiPullCheckpoints => Set<OcpiPullCheckpoint>();
    public DbSet<OcpiPullRun> OcpiPullRuns => Set<OcpiPullRun>();
    public DbSet<OcpiPullRefusal> OcpiPullRefusals => Set<OcpiPullRefusal>();
    public DbSet<DataQualityFinding> DataQualityFindings => Set<DataQualityFinding>();
    public DbSet<OcpiSessionRecord> OcpiSessions => Set<OcpiSessionRecord>();
    public DbSet<OcpiCdrRecord> OcpiCdrs => Set<OcpiCdrRecord>();
    public DbSet<OcpiTariffVersion> OcpiTariffVersions => Set<OcpiTariffVersion>();
    public DbSet<ChargingProfileRequest> ChargingProfileRequests => Set<ChargingProfileRequest>();
    public DbSet<ActiveChargingProfileUpdate> ActiveChargingProfileUpdates => Set<ActiveChargingProfileUpdate>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<OutboxMail> OutboxMails => Set<OutboxMail>();
    public DbSet<MunicipalityPolicy> MunicipalityPolicies => Set<MunicipalityPolicy>();
    public DbSet<MunicipalityPolicyChange> MunicipalityPolicyChanges => Set<MunicipalityPolicyChange>();
    public DbSet<ChangeSignal> ChangeSignals => Set<ChangeSignal>();
    public DbSet<OrderTemplateVersion> OrderTemplateVersions => Set<OrderTemplateVersion>();
    public DbSet<OrderTextChoices> OrderTextChoices => Set<OrderTextChoices>();
    public DbSet<RequirementCatalogueVersion> RequirementCatalogueVersions => Set<RequirementCatalogueVersion>();
    public DbSet<ProtocolCertification> ProtocolCertifications => Set<ProtocolCertification>();
    public DbSet<Contract> Contracts => Set<Contract>();
    public DbSet<InstallationCase> InstallationCases => Set<InstallationCase>();
    public DbSet<OverdueStepNotice> InstallationOverdueNotices => Set<OverdueStepNotice>();
    public DbSet<FaultReport> FaultReports => Set<FaultReport>();
    public DbSet<DeclaredMaintenanceWindow> MaintenanceWindows => Set<DeclaredMaintenanceWindow>();
    public DbSet<InstallationAttachment> InstallationAttachments => Set<InstallationAttachment>();
    public DbSet<ExclusionClaim> ExclusionClaims => Set<ExclusionClaim>();
    public DbSet<FindingResponse> FindingResponses => Set<FindingResponse>();
    public DbSet<IngestHeartbeat> IngestHeartbeats => Set<IngestHeartbeat>();
    public DbSet<IngestFailure> IngestFailures => Set<IngestFailure>();
    public DbSet<StatusScheduleSighting> StatusScheduleSightings => Set<StatusScheduleSighting>();
    public DbSet<DataQualitySnapshot> DataQualitySnapshots => Set<DataQualitySnapshot>();
    public DbSet<AuditRun> AuditRuns => Set<AuditRun>();
    public DbSet<Domain.Audits.SmartCharging.SmartChargingTestRun> SmartChargingTestRuns => Set<Domain.Audits.SmartCharging.SmartChargingTestRun>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
        if (Database.IsSqlServer())
            SqlServerModel.Apply(builder);
    }
}
