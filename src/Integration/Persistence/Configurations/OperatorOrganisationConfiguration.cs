using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Operators;

namespace Portal.Integration.Persistence.Configurations;

internal sealed class OperatorOrganisationConfiguration : IEntityTypeConfiguration<OperatorOrganisation>
{
    public void Configure(EntityTypeBuilder<OperatorOrganisation> organisation)
    {
        organisation.ToTable("Operators");
        organisation.HasKey(o => o.Id);
        organisation.Property(o => o.Name).HasMaxLength(OperatorOrganisation.MaxNameLength).IsRequired();
        organisation.HasIndex(o => o.Name).IsUnique();
        organisation.Property(o => o.PartyId)
            .HasConversion(p => p.HasValue ? p.Value.ToString() : null, v => v == null ? null : OcpiPartyId.Parse(v))
            .HasMaxLength(6);
    }
}
