using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Audits.Exclusions;
using Portal.Domain.Audits.IngestHealth;
using Portal.Domain.Contracts;
using Portal.Domain.Operators;
using Portal.Integration.Audits;

namespace Portal.Integration.Persistence.Configurations;

internal sealed class ExclusionClaimConfiguration : IEntityTypeConfiguration<ExclusionClaim>
{
    public void Configure(EntityTypeBuilder<ExclusionClaim> claim)
    {
        claim.HasKey(c => c.Id);
        claim.Property(c => c.Category).HasConversion<string>().HasMaxLength(30);
        claim.Property(c => c.State).HasConversion<string>().HasMaxLength(20);
        claim.Property(c => c.Source).HasConversion<string>().HasMaxLength(20);
        claim.Property(c => c.SourceKey).HasMaxLength(ExclusionClaim.MaxSourceKeyLength);
        claim.Property(c => c.Description).HasMaxLength(ExclusionClaim.MaxTextLength);
        claim.Property(c => c.GridOperatorReference).HasMaxLength(ExclusionClaim.MaxReferenceLength);
        claim.Property(c => c.IncidentNumber).HasMaxLength(ExclusionClaim.MaxReferenceLength);
        claim.Property(c => c.DeclarationReference).HasMaxLength(ExclusionClaim.MaxReferenceLength);
        claim.Property(c => c.MunicipalTicket).HasMaxLength(ExclusionClaim.MaxReferenceLength);
        claim.Property(c => c.MaintenanceNotice).HasMaxLength(ExclusionClaim.MaxTextLength);
        claim.Property(c => c.ClaimedByUserId).HasMaxLength(450);
        claim.Property(c => c.ClaimedByName).HasMaxLength(200);
        claim.Property(c => c.DecisionReason).HasMaxLength(ExclusionClaim.MaxTextLength);
        claim.Property(c => c.DecidedByUserId).HasMaxLength(450);
        claim.Property(c => c.DecidedByName).HasMaxLength(200);
        claim.HasIndex(c => c.SourceKey).IsUnique();
        claim.HasIndex(c => new { c.OperatorId, c.State });
        claim.HasIndex(c => new { c.ContractId, c.State });
        claim.HasIndex(c => c.Deadline);
        claim.HasOne<Contract>().WithMany().HasForeignKey(c => c.ContractId).OnDelete(DeleteBehavior.Restrict);
        claim.HasOne<OperatorOrganisation>().WithMany().HasForeignKey(c => c.OperatorId).OnDelete(DeleteBehavior.Restrict);
        claim.HasMany(c => c.Evses).WithOne().HasForeignKey(e => e.ClaimId).OnDelete(DeleteBehavior.Cascade);
        claim.HasMany(c => c.Photos).WithOne().HasForeignKey(p => p.ClaimId).OnDelete(DeleteBehavior.Cascade);
        claim.HasMany(c => c.Steps).WithOne().HasForeignKey(s => s.ClaimId).OnDelete(DeleteBehavior.Cascade);
        claim.Navigation(c => c.Evses).UsePropertyAccessMode(PropertyAccessMode.Field);
        claim.Navigation(c => c.Photos).UsePropertyAccessMode(PropertyAccessMode.Field);
        claim.Navigation(c => c.Steps).UsePropertyAccessMode(PropertyAccessMode.Field);
        claim.Ignore(c => c.IsDecided);
    }
}

internal sealed class ExclusionClaimEvseConfiguration : IEntityTypeConfiguration<ExclusionClaimEvse>
{
    public void Configure(EntityTypeBuilder<ExclusionClaimEvse> evse)
    {
        evse.HasKey(e => e.Id);
        evse.Property(e => e.LocationId).HasMaxLength(EvseRef.MaxIdLength);
        evse.Property(e => e.EvseUid).HasMaxLength(EvseRef.MaxIdLength);
        evse.HasIndex(e => new { e.LocationId, e.EvseUid });
        evse.Ignore(e => e.Evse);
    }
}

internal sealed class ExclusionClaimPhotoConfiguration : IEntityTypeConfiguration<ExclusionClaimPhoto>
{
    public void Configure(EntityTypeBuilder<ExclusionClaimPhoto> photo)
    {
        photo.HasKey(p => p.Id);
        photo.Property(p => p.FileName).HasMaxLength(ExclusionClaimPhoto.MaxFileNameLength);
        photo.Property(p => p.ContentType).HasMaxLength(100);
        photo.Property(p => p.StorageKey).HasMaxLength(100);
    }
}

internal sealed class ExclusionClaimStepConfiguration : IEntityTypeConfiguration<ExclusionClaimStep>
{
    public void Configure(EntityTypeBuilder<ExclusionClaimStep> step)
    {
        step.HasKey(s => s.Id);
        step.Property(s => s.ByUserId).HasMaxLength(450);
        step.Property(s => s.ByName).HasMaxLength(200);
        step.Property(s => s.Kind).HasConversion<string>().HasMaxLength(20);
        step.Property(s => s.Detail).HasMaxLength(ExclusionClaimStep.MaxDetailLength);
    }
}

internal sealed class IngestHeartbeatConfiguration : IEntityTypeConfiguration<IngestHeartbeat>
{
    public void Configure(EntityTypeBuilder<IngestHeartbeat> beat)
    {
        beat.HasKey(b => b.Id);
        beat.Property(b => b.Node).HasMaxLength(IngestHeartbeat.MaxNodeLength);
        beat.HasIndex(b => b.ToUtc);
    }
}

internal sealed class IngestFailureConfiguration : IEntityTypeConfiguration<IngestFailure>
{
    public void Configure(EntityTypeBuilder<IngestFailure> failure)
    {
        failure.HasKey(f => f.Id);
        failure.Property(f => f.Kind).HasConversion<string>().HasMaxLength(10);
        failure.Property(f => f.Detail).HasMaxLength(IngestFailure.MaxDetailLength);
        failure.HasIndex(f => new { f.ConnectionId, f.FromUtc });
        failure.HasIndex(f => f.UntilUtc);
    }
}

internal sealed class StatusScheduleSightingConfiguration : IEntityTypeConfiguration<StatusScheduleSighting>
{
    public void Configure(EntityTypeBuilder<StatusScheduleSighting> sighting)
    {
        sighting.HasKey(s => s.Id);
        sighting.Property(s => s.LocationSourceId).HasMaxLength(100);
        sighting.Property(s => s.EvseUid).HasMaxLength(StatusScheduleSighting.MaxIdLength);
        sighting.Property(s => s.Status).HasMaxLength(StatusScheduleSighting.MaxStatusLength);
        sighting.HasIndex(s => new { s.ConnectionId, s.LocationSourceId, s.EvseUid, s.BeginUtc, s.Status }).IsUnique();
    }
}
