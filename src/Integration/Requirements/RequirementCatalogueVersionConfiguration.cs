using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Integration.Requirements;

internal sealed class RequirementCatalogueVersionConfiguration : IEntityTypeConfiguration<RequirementCatalogueVersion>
{
    public void Configure(EntityTypeBuilder<RequirementCatalogueVersion> version)
    {
        version.ToTable("RequirementCatalogueVersions");
        version.HasKey(v => v.Id);
        version.HasIndex(v => v.Number).IsUnique();
        version.Property(v => v.LoadedByUserId).HasMaxLength(450);
        version.Property(v => v.LoadedByName).HasMaxLength(100);
        version.Property(v => v.FileName).HasMaxLength(RequirementCatalogueVersion.MaxFileNameLength);
        version.Property(v => v.Sha256).HasMaxLength(64).IsFixedLength();
        version.Ignore(v => v.IsShipped);
    }
}
