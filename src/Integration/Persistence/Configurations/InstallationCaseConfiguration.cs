using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Installations;
using Portal.Domain.Municipalities;
using Portal.Domain.Operators;
using Portal.Domain.Spots;

namespace Portal.Integration.Persistence.Configurations;

internal sealed class InstallationCaseConfiguration : IEntityTypeConfiguration<InstallationCase>
{
    public void Configure(EntityTypeBuilder<InstallationCase> installation)
    {
        installation.HasKey(c => c.Id);
        installation.Property(c => c.Reference).HasMaxLength(40);
        installation.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
        installation.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        installation.Property(c => c.PauseReason).HasMaxLength(InstallationCase.MaxReasonLength);
        installation.Property(c => c.CommissionedLocationSourceId).HasMaxLength(120);
        // Read and written with the case, a handful of uids: one JSON column.
        installation.Property(c => c.CommissionedEvseUids)
            .HasConversion(
                uids => JsonSerializer.Serialize(uids, JsonSerializerOptions.Default),
                json => JsonSerializer.Deserialize<List<string>>(json, JsonSerializerOptions.Default) ?? new List<string>(),
                new ValueComparer<IReadOnlyList<string>>((a, b) => a!.SequenceEqual(b!), uids => uids.Aggregate(0, (h, u) => HashCode.Combine(h, u.GetHashCode(StringComparison.Ordinal))), uids => uids.ToList()))
            .HasMaxLength(2000);
        installation.OwnsOne(c => c.GridConnectionRequest, grid =>
        {
            grid.Property(g => g.GridOperator).HasMaxLength(GridConnectionRequest.MaxTextLength).HasColumnName("GridOperator");
            grid.Property(g => g.Reference).HasMaxLength(GridConnectionRequest.MaxTextLength).HasColumnName("GridReference");
            grid.Property(g => g.Kind).HasConversion<string>().HasMaxLength(30).HasColumnName("GridConnectionKind");
            grid.Property(g => g.RequestedOn).HasColumnName("GridRequestedOn");
            grid.Property(g => g.ConnectedOn).HasColumnName("GridConnectedOn");
            grid.Ignore(g => g.DueOn);
        });
        installation.HasIndex(c => new { c.MunicipalityId, c.Reference }).IsUnique();
        installation.HasIndex(c => new { c.OperatorId, c.Status });
        installation.HasIndex(c => c.SpotId);
        installation.HasOne<Municipality>().WithMany().HasForeignKey(c => c.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        installation.HasOne<OperatorOrganisation>().WithMany().HasForeignKey(c => c.OperatorId).OnDelete(DeleteBehavior.Restrict);
        installation.HasOne<Spot>().WithMany().HasForeignKey(c => c.SpotId).OnDelete(DeleteBehavior.Restrict);
        installation.HasOne<Spot>().WithMany().HasForeignKey(c => c.RelocatedFromSpotId).OnDelete(DeleteBehavior.Restrict);
        installation.HasMany(c => c.Steps).WithOne().HasForeignKey(s => s.CaseId).OnDelete(DeleteBehavior.Cascade);
        installation.HasMany(c => c.History).WithOne().HasForeignKey(h => h.CaseId).OnDelete(DeleteBehavior.Cascade);
        installation.Navigation(c => c.Steps).UsePropertyAccessMode(PropertyAccessMode.Field);
        installation.Navigation(c => c.History).UsePropertyAccessMode(PropertyAccessMode.Field);
        installation.Ignore(c => c.IsClosed);
        installation.Ignore(c => c.Next);
        installation.Ignore(c => c.Missing);
    }
}

internal sealed class InstallationStepRecordConfiguration : IEntityTypeConfiguration<InstallationStepRecord>
{
    public void Configure(EntityTypeBuilder<InstallationStepRecord> step)
    {
        step.ToTable("InstallationSteps");
        step.HasKey(s => s.Id);
        step.Property(s => s.Step).HasConversion<string>().HasMaxLength(30);
        step.Property(s => s.ReportedByUserId).HasMaxLength(450);
        step.Property(s => s.ReportedByName).HasMaxLength(100);
        step.Property(s => s.Comment).HasMaxLength(InstallationStepRecord.MaxCommentLength);
        step.HasIndex(s => new { s.CaseId, s.Step }).IsUnique();
        step.Ignore(s => s.IsDone);
    }
}

internal sealed class InstallationCaseChangeConfiguration : IEntityTypeConfiguration<InstallationCaseChange>
{
    public void Configure(EntityTypeBuilder<InstallationCaseChange> change)
    {
        change.ToTable("InstallationCaseHistory");
        change.HasKey(c => c.Id);
        change.Property(c => c.ByUserId).HasMaxLength(450);
        change.Property(c => c.ByName).HasMaxLength(100);
        change.Property(c => c.Kind).HasConversion<string>().HasMaxLength(30);
        change.Property(c => c.Step).HasConversion<string>().HasMaxLength(30);
        change.Property(c => c.Text).HasMaxLength(InstallationCase.MaxReasonLength);
        change.HasIndex(c => new { c.CaseId, c.AtUtc });
    }
}

internal sealed class OverdueStepNoticeConfiguration : IEntityTypeConfiguration<OverdueStepNotice>
{
    public void Configure(EntityTypeBuilder<OverdueStepNotice> notice)
    {
        notice.ToTable("InstallationOverdueNotices");
        notice.HasKey(n => n.Id);
        notice.Property(n => n.Step).HasConversion<string>().HasMaxLength(30);
        notice.Property(n => n.Kind).HasConversion<string>().HasMaxLength(30);
        // Once per step and due day, also when two runs race.
        notice.HasIndex(n => new { n.CaseId, n.Step, n.DueOn }).IsUnique();
        notice.HasOne<InstallationCase>().WithMany().HasForeignKey(n => n.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}
