using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Integration.Ocpi.Connections;
using Portal.Integration.Ocpi.Pulling;
using Portal.Integration.Ocpi.Validation;

namespace Portal.Integration.Persistence.Configurations;

internal sealed class DataQualityFindingConfiguration : IEntityTypeConfiguration<DataQualityFinding>
{
    public void Configure(EntityTypeBuilder<DataQualityFinding> finding)
    {
        finding.ToTable("DataQualityFindings");
        finding.HasKey(f => f.Id);
        finding.Property(f => f.Id).ValueGeneratedNever();
        finding.Property(f => f.LocationSourceId).HasMaxLength(100).IsRequired();
        finding.Property(f => f.LocationId).HasMaxLength(36).IsRequired();
        finding.Property(f => f.EvseUid).HasMaxLength(36).IsRequired();
        finding.Property(f => f.ConnectorId).HasMaxLength(36).IsRequired();
        finding.Property(f => f.Rule).HasMaxLength(50).IsRequired();
        finding.Property(f => f.Path).HasMaxLength(DataQualityFinding.MaxPathLength).IsRequired();
        finding.Property(f => f.Value).HasMaxLength(OcpiFinding.MaxValueLength);
        finding.Ignore(f => f.IsOpen);
        finding.HasIndex(f => new { f.ConnectionId, f.LocationSourceId, f.EvseUid, f.ConnectorId, f.Rule }).IsUnique();
        finding.HasIndex(f => new { f.ConnectionId, f.Rule, f.ClearedAtUtc });
        finding.HasOne<OcpiConnection>().WithMany().HasForeignKey(f => f.ConnectionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OcpiPullRefusalConfiguration : IEntityTypeConfiguration<OcpiPullRefusal>
{
    public void Configure(EntityTypeBuilder<OcpiPullRefusal> refusal)
    {
        refusal.HasKey(r => r.Id);
        refusal.Property(r => r.ObjectId).HasMaxLength(100).IsRequired();
        refusal.Property(r => r.Rule).HasMaxLength(50).IsRequired();
        refusal.Property(r => r.Path).HasMaxLength(DataQualityFinding.MaxPathLength).IsRequired();
        refusal.Property(r => r.Value).HasMaxLength(OcpiFinding.MaxValueLength);
        refusal.HasIndex(r => r.RunId);
        refusal.HasOne<OcpiPullRun>().WithMany().HasForeignKey(r => r.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}
