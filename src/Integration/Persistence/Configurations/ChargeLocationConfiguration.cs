using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.ChargePoints;
using Portal.Domain.Municipalities;
using Portal.Domain.Operators;

namespace Portal.Integration.Persistence.Configurations;

internal sealed class ChargeLocationConfiguration : IEntityTypeConfiguration<ChargeLocation>
{
    public void Configure(EntityTypeBuilder<ChargeLocation> location)
    {
        location.HasKey(l => l.Id);
        location.Property(l => l.Source).HasMaxLength(50).IsRequired();
        location.Property(l => l.SourceId).HasMaxLength(100).IsRequired();
        location.HasIndex(l => new { l.Source, l.SourceId }).IsUnique();
        location.Property(l => l.OcpiLocationId).HasMaxLength(36);
        location.Property(l => l.OperatorName).HasMaxLength(150).IsRequired();
        location.Property(l => l.OperatorPartyId).HasMaxLength(6);
        // Party (6) + '*' + location id (36); not unique: an old OCPI-only row and an import may share it.
        location.Property(l => l.OcpiKey).HasMaxLength(50);
        location.HasIndex(l => l.OcpiKey);
        location.HasOne<OperatorOrganisation>().WithMany().HasForeignKey(l => l.OperatorId).OnDelete(DeleteBehavior.SetNull);
        location.Property(l => l.Name).HasMaxLength(255);
        location.Property(l => l.Address).HasMaxLength(255);
        location.Property(l => l.PostalCode).HasMaxLength(10);
        location.Property(l => l.City).HasMaxLength(100);
        location.Property(l => l.Status).HasConversion<string>().HasMaxLength(20);
        location.HasIndex(l => new { l.MunicipalityId, l.Status });
        location.HasIndex(l => new { l.Latitude, l.Longitude });
        location.HasIndex(l => new { l.RdX, l.RdY });
        location.Ignore(l => l.Position);
        location.HasOne<Municipality>().WithMany().HasForeignKey(l => l.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        location.HasMany(l => l.Evses).WithOne().HasForeignKey(e => e.LocationId).OnDelete(DeleteBehavior.Cascade);
        location.Navigation(l => l.Evses).UsePropertyAccessMode(PropertyAccessMode.Field);
        location.Ignore(l => l.ActiveEvseCount);
    }
}

internal sealed class EvseConfiguration : IEntityTypeConfiguration<Evse>
{
    public void Configure(EntityTypeBuilder<Evse> evse)
    {
        evse.HasKey(e => e.Id);
        evse.Property(e => e.Uid).HasMaxLength(36).IsRequired();
        evse.HasIndex(e => new { e.LocationId, e.Uid }).IsUnique();
        evse.Property(e => e.EvseId).HasMaxLength(48);
        evse.Property(e => e.Status).HasConversion<string>().HasMaxLength(20);
        evse.Property(e => e.PowerType).HasConversion<string>().HasMaxLength(20);
        evse.Property(e => e.ConnectorStandards).HasMaxLength(200);
        evse.HasMany(e => e.Connectors).WithOne().HasForeignKey(c => c.EvseKey).OnDelete(DeleteBehavior.Cascade);
        evse.Navigation(e => e.Connectors).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ConnectorConfiguration : IEntityTypeConfiguration<Connector>
{
    public void Configure(EntityTypeBuilder<Connector> connector)
    {
        connector.HasKey(c => c.Id);
        connector.Property(c => c.ConnectorId).HasMaxLength(36).IsRequired();
        connector.HasIndex(c => new { c.EvseKey, c.ConnectorId }).IsUnique();
        connector.Property(c => c.Standard).HasMaxLength(40).IsRequired();
        connector.Property(c => c.Format).HasConversion<string>().HasMaxLength(10);
        connector.Property(c => c.PowerType).HasConversion<string>().HasMaxLength(20);
    }
}
