using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Municipalities;

namespace Portal.Integration.Persistence.Configurations;

internal sealed class MunicipalityConfiguration : IEntityTypeConfiguration<Municipality>
{
    public void Configure(EntityTypeBuilder<Municipality> municipality)
    {
        municipality.HasKey(m => m.Id);
        municipality.Property(m => m.Code).HasConversion(c => c.Value, v => MunicipalityCode.Parse(v)).HasMaxLength(6).IsRequired();
        municipality.HasIndex(m => m.Code).IsUnique();
        municipality.Property(m => m.Name).HasMaxLength(Municipality.MaxNameLength).IsRequired();
        municipality.Property(m => m.BoundaryWkt);
    }
}
