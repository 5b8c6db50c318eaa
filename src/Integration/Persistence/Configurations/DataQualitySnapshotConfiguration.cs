using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Audits.DataQuality;
using Portal.Domain.Operators;

namespace Portal.Integration.Persistence.Configurations;

internal sealed class DataQualitySnapshotConfiguration : IEntityTypeConfiguration<DataQualitySnapshot>
{
    public void Configure(EntityTypeBuilder<DataQualitySnapshot> snapshot)
    {
        snapshot.ToTable("DataQualitySnapshots");
        snapshot.HasKey(s => s.Id);
        snapshot.Property(s => s.Version).HasMaxLength(10).IsRequired();
        snapshot.Ignore(s => s.Figures);
        // One per operator and month, whichever node stores it first.
        snapshot.HasIndex(s => new { s.OperatorId, s.Month }).IsUnique();
        snapshot.HasOne<OperatorOrganisation>().WithMany().HasForeignKey(s => s.OperatorId).OnDelete(DeleteBehavior.Cascade);
    }
}
