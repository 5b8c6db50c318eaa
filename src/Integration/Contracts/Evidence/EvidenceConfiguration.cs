using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Contracts;
using Portal.Domain.Contracts.Evidence;
using Portal.Domain.Operators;

namespace Portal.Integration.Contracts.Evidence;

internal sealed class SubmittedEvidenceConfiguration : IEntityTypeConfiguration<SubmittedEvidence>
{
    public void Configure(EntityTypeBuilder<SubmittedEvidence> evidence)
    {
        evidence.ToTable("ContractEvidence");
        evidence.HasKey(e => e.Id);
        evidence.Property(e => e.Id).ValueGeneratedNever();
        evidence.Property(e => e.SetId).HasMaxLength(40);
        evidence.Property(e => e.Code).HasMaxLength(20);
        evidence.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        evidence.Property(e => e.Title).HasMaxLength(SubmittedEvidence.MaxTitleLength);
        evidence.Property(e => e.Issuer).HasMaxLength(SubmittedEvidence.MaxIssuerLength);
        evidence.Property(e => e.Standard).HasMaxLength(SubmittedEvidence.MaxStandardLength);
        evidence.Property(e => e.Models).HasMaxLength(SubmittedEvidence.MaxModelsLength);
        evidence.Property(e => e.FileName).HasMaxLength(SubmittedEvidence.MaxFileNameLength);
        evidence.Property(e => e.ContentType).HasMaxLength(100);
        evidence.Property(e => e.StorageKey).HasMaxLength(100);
        evidence.Property(e => e.UploadedByUserId).HasMaxLength(450);
        evidence.Property(e => e.UploadedByName).HasMaxLength(100);
        evidence.Property(e => e.Decision).HasConversion<string>().HasMaxLength(20);
        evidence.Property(e => e.DecisionReason).HasMaxLength(SubmittedEvidence.MaxReasonLength);
        evidence.Property(e => e.DecidedByUserId).HasMaxLength(450);
        evidence.Property(e => e.DecidedByName).HasMaxLength(100);
        evidence.HasIndex(e => new { e.ContractId, e.SetId, e.Code });
        // The daily job looks for evidence that expires.
        evidence.HasIndex(e => new { e.ExpiresOn, e.ExpiryRecordedOn });
        evidence.HasOne<Contract>().WithMany().HasForeignKey(e => e.ContractId).OnDelete(DeleteBehavior.Cascade);
        evidence.HasOne<OperatorOrganisation>().WithMany().HasForeignKey(e => e.OperatorId).OnDelete(DeleteBehavior.Restrict);
        evidence.HasMany(e => e.Evses).WithOne().HasForeignKey(x => x.EvidenceId).OnDelete(DeleteBehavior.Cascade);
        evidence.HasMany(e => e.Steps).WithOne().HasForeignKey(s => s.EvidenceId).OnDelete(DeleteBehavior.Cascade);
        evidence.Navigation(e => e.Evses).UsePropertyAccessMode(PropertyAccessMode.Field);
        evidence.Navigation(e => e.Steps).UsePropertyAccessMode(PropertyAccessMode.Field);
        evidence.Ignore(e => e.Requirement);
        evidence.Ignore(e => e.CoveredEvses);
    }
}

internal sealed class EvidenceEvseConfiguration : IEntityTypeConfiguration<EvidenceEvse>
{
    public void Configure(EntityTypeBuilder<EvidenceEvse> evse)
    {
        evse.ToTable("ContractEvidenceEvses");
        evse.HasKey(e => e.Id);
        evse.Property(e => e.LocationId).HasMaxLength(EvseRef.MaxIdLength);
        evse.Property(e => e.EvseUid).HasMaxLength(EvseRef.MaxIdLength);
        evse.Ignore(e => e.Evse);
    }
}

internal sealed class EvidenceStepConfiguration : IEntityTypeConfiguration<EvidenceStep>
{
    public void Configure(EntityTypeBuilder<EvidenceStep> step)
    {
        step.ToTable("ContractEvidenceSteps");
        step.HasKey(s => s.Id);
        step.Property(s => s.ByUserId).HasMaxLength(450);
        step.Property(s => s.ByName).HasMaxLength(100);
        step.Property(s => s.Kind).HasConversion<string>().HasMaxLength(30);
        step.Property(s => s.Detail).HasMaxLength(EvidenceStep.MaxDetailLength);
        step.HasIndex(s => new { s.EvidenceId, s.AtUtc });
    }
}

internal sealed class ContractFindingConfiguration : IEntityTypeConfiguration<ContractFinding>
{
    public void Configure(EntityTypeBuilder<ContractFinding> finding)
    {
        finding.ToTable("ContractFindings");
        finding.HasKey(f => f.Id);
        finding.Property(f => f.Kind).HasConversion<string>().HasMaxLength(30);
        finding.Property(f => f.DedupeKey).HasMaxLength(ContractFinding.MaxDedupeKeyLength);
        finding.Property(f => f.SetId).HasMaxLength(40);
        finding.Property(f => f.Code).HasMaxLength(20);
        finding.Property(f => f.TariffId).HasMaxLength(36);
        finding.Property(f => f.Component).HasConversion<string>().HasMaxLength(10);
        finding.Property(f => f.Price).HasPrecision(12, 4);
        finding.Property(f => f.Cap).HasPrecision(12, 4);
        finding.Property(f => f.Evses).HasMaxLength(ContractFinding.MaxEvsesLength);
        finding.Property(f => f.Protocol).HasMaxLength(Domain.Requirements.ProtocolCertification.MaxProtocolLength);
        finding.Property(f => f.MeasuredPercent).HasPrecision(5, 2);
        finding.Property(f => f.MinimumPercent).HasPrecision(5, 2);
        finding.Property(f => f.ProtocolVersion).HasMaxLength(Domain.Requirements.ProtocolCertification.MaxVersionLength);
        finding.Property(f => f.Note).HasMaxLength(Domain.Audits.FieldChecks.FieldCheckItem.MaxNoteLength);
        finding.HasOne<Domain.Audits.SmartCharging.SmartChargingTestRun>().WithMany().HasForeignKey(f => f.SmartChargingTestRunId).OnDelete(DeleteBehavior.Restrict);
        finding.HasOne<Domain.Audits.FieldChecks.FieldCheckSample>().WithMany().HasForeignKey(f => f.FieldCheckSampleId).OnDelete(DeleteBehavior.Restrict);
        // Each finding once per contract, whichever node or run finds it.
        finding.HasIndex(f => new { f.ContractId, f.DedupeKey }).IsUnique();
        finding.HasIndex(f => new { f.ContractId, f.FoundOn });
        finding.HasOne<Contract>().WithMany().HasForeignKey(f => f.ContractId).OnDelete(DeleteBehavior.Cascade);
        finding.HasOne<SubmittedEvidence>().WithMany().HasForeignKey(f => f.EvidenceId).OnDelete(DeleteBehavior.Restrict);
    }
}
