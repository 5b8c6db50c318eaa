using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.ChargePoints;
using Portal.Domain.Contracts;
using Portal.Domain.Faults;
using Portal.Domain.Installations.Maintenance;
using Portal.Domain.Municipalities;
using Portal.Domain.Operators;

namespace Portal.Integration.Persistence.Configurations;

internal sealed class FaultReportConfiguration : IEntityTypeConfiguration<FaultReport>
{
    public void Configure(EntityTypeBuilder<FaultReport> report)
    {
        report.HasKey(r => r.Id);
        report.Property(r => r.Reference).HasMaxLength(FaultReport.MaxReferenceLength);
        report.Property(r => r.EvseUid).HasMaxLength(DeclaredMaintenanceWindow.MaxEvseUidLength);
        report.Property(r => r.Kind).HasConversion<string>().HasMaxLength(30);
        report.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        report.Property(r => r.Description).HasMaxLength(FaultSubmission.MaxDescriptionLength);
        report.Property(r => r.ReporterEmail).HasMaxLength(FaultSubmission.MaxEmailLength);
        report.Property(r => r.Language).HasMaxLength(FaultReport.MaxLanguageLength);
        report.Property(r => r.MaxResponseHours).HasPrecision(10, 2);
        report.Property(r => r.MaxRepairHours).HasPrecision(10, 2);
        report.Property(r => r.AcknowledgedByUserId).HasMaxLength(450);
        report.Property(r => r.AcknowledgedByName).HasMaxLength(200);
        report.Property(r => r.ResolvedByUserId).HasMaxLength(450);
        report.Property(r => r.ResolvedByName).HasMaxLength(200);
        report.Property(r => r.Answer).HasMaxLength(FaultReport.MaxAnswerLength);
        report.HasIndex(r => r.Reference).IsUnique();
        report.HasIndex(r => new { r.OperatorId, r.Status });
        report.HasIndex(r => new { r.MunicipalityId, r.Status });
        report.HasIndex(r => r.ResolvedAtUtc);
        report.HasOne<ChargeLocation>().WithMany().HasForeignKey(r => r.ChargeLocationId).OnDelete(DeleteBehavior.Restrict);
        report.HasOne<Municipality>().WithMany().HasForeignKey(r => r.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        report.HasOne<OperatorOrganisation>().WithMany().HasForeignKey(r => r.OperatorId).OnDelete(DeleteBehavior.Restrict);
        report.HasOne<Contract>().WithMany().HasForeignKey(r => r.ContractId).OnDelete(DeleteBehavior.Restrict);
        report.Ignore(r => r.IsOpen);
    }
}

internal sealed class DeclaredMaintenanceWindowConfiguration : IEntityTypeConfiguration<DeclaredMaintenanceWindow>
{
    public void Configure(EntityTypeBuilder<DeclaredMaintenanceWindow> window)
    {
        window.ToTable("MaintenanceWindows");
        window.HasKey(w => w.Id);
        window.Property(w => w.EvseUid).HasMaxLength(DeclaredMaintenanceWindow.MaxEvseUidLength);
        window.Property(w => w.Reason).HasMaxLength(Domain.Installations.MaintenanceWindow.MaxReasonLength);
        window.Property(w => w.AnnouncedByUserId).HasMaxLength(450);
        window.Property(w => w.AnnouncedByName).HasMaxLength(DeclaredMaintenanceWindow.MaxNameLength);
        window.Property(w => w.CancelledByUserId).HasMaxLength(450);
        window.Property(w => w.CancelledByName).HasMaxLength(DeclaredMaintenanceWindow.MaxNameLength);
        window.HasIndex(w => new { w.OperatorId, w.StartsAtUtc });
        window.HasIndex(w => new { w.ChargeLocationId, w.EvseUid });
        window.HasOne<OperatorOrganisation>().WithMany().HasForeignKey(w => w.OperatorId).OnDelete(DeleteBehavior.Restrict);
        window.HasOne<ChargeLocation>().WithMany().HasForeignKey(w => w.ChargeLocationId).OnDelete(DeleteBehavior.Restrict);
        window.Ignore(w => w.IsCancelled);
        window.Ignore(w => w.Window);
    }
}
