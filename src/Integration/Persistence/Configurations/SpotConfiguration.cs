using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Municipalities;
using Portal.Domain.Spots;

namespace Portal.Integration.Persistence.Configurations;

internal sealed class SpotConfiguration : IEntityTypeConfiguration<Spot>
{
    public void Configure(EntityTypeBuilder<Spot> spot)
    {
        spot.HasKey(s => s.Id);
        spot.Property(s => s.Address).HasMaxLength(255);
        spot.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        spot.Property(s => s.SetUp).HasConversion<string>().HasMaxLength(20);
        spot.Property(s => s.Notes).HasMaxLength(SpotDetails.MaxNotesLength);
        spot.Property(s => s.ExternalId).HasMaxLength(100);
        spot.HasIndex(s => new { s.MunicipalityId, s.Status });
        spot.HasIndex(s => new { s.MunicipalityId, s.ExternalId }).IsUnique();
        // The database narrows spatial queries to a bounding box on these; exact distances are computed in memory.
        spot.HasIndex(s => new { s.RdX, s.RdY });
        spot.HasIndex(s => new { s.Latitude, s.Longitude });
        spot.HasOne<Municipality>().WithMany().HasForeignKey(s => s.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        spot.HasMany(s => s.History).WithOne().HasForeignKey(h => h.SpotId).OnDelete(DeleteBehavior.Cascade);
        spot.Navigation(s => s.History).UsePropertyAccessMode(PropertyAccessMode.Field);
        spot.Ignore(s => s.Position);
    }
}

internal sealed class SpotChangeConfiguration : IEntityTypeConfiguration<SpotChange>
{
    public void Configure(EntityTypeBuilder<SpotChange> change)
    {
        change.ToTable("SpotHistory");
        change.HasKey(c => c.Id);
        change.Property(c => c.ByUserId).HasMaxLength(450);
        change.Property(c => c.ByName).HasMaxLength(100);
        change.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
        change.Property(c => c.From).HasMaxLength(4000);
        change.Property(c => c.To).HasMaxLength(4000);
        change.Property(c => c.Reason).HasMaxLength(SpotChange.MaxReasonLength);
        change.HasIndex(c => new { c.SpotId, c.AtUtc });
    }
}
