using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Integration.Ocpi.Connections;
using Portal.Integration.Ocpi.Receiving;

namespace Portal.Integration.Persistence.Configurations;

internal sealed class OcpiConnectionConfiguration : IEntityTypeConfiguration<OcpiConnection>
{
    public void Configure(EntityTypeBuilder<OcpiConnection> connection)
    {
        connection.HasKey(c => c.Id);
        connection.Property(c => c.CountryCode).HasMaxLength(2).IsRequired();
        connection.Property(c => c.PartyId).HasMaxLength(3).IsRequired();
        connection.Property(c => c.Name).HasMaxLength(100).IsRequired();
        connection.Property(c => c.Role).HasConversion<string>().HasMaxLength(10);
        connection.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        connection.Property(c => c.IncomingTokenHash).HasMaxLength(64);
        connection.HasIndex(c => c.IncomingTokenHash).IsUnique();
        connection.Property(c => c.TokenAHash).HasMaxLength(64);
        connection.HasIndex(c => c.TokenAHash).IsUnique();
        connection.Property(c => c.PartnerVersionsUrl).HasMaxLength(255);
        connection.Property(c => c.PartnerTokenProtected).HasMaxLength(1000);
        connection.Property(c => c.PartnerRolesJson).HasMaxLength(4000);
        connection.Property(c => c.PartnerVersionsJson).HasMaxLength(4000);
        connection.Property(c => c.PartnerVersion).HasMaxLength(10);
        connection.Property(c => c.PartnerVersionDetailsUrl).HasMaxLength(255);
        connection.Property(c => c.LastError).HasMaxLength(1000);
        connection.Property(c => c.LastErrorRequestId).HasMaxLength(100);
        connection.HasIndex(c => new { c.CountryCode, c.PartyId, c.Role });
    }
}

internal sealed class EvseStatusEventConfiguration : IEntityTypeConfiguration<EvseStatusEvent>
{
    public void Configure(EntityTypeBuilder<EvseStatusEvent> statusEvent)
    {
        statusEvent.HasKey(e => e.Id);
        statusEvent.Property(e => e.LocationSourceId).HasMaxLength(100).IsRequired();
        statusEvent.Property(e => e.EvseUid).HasMaxLength(36).IsRequired();
        statusEvent.Property(e => e.Status).HasMaxLength(20).IsRequired();
        statusEvent.Property(e => e.Source).HasConversion<string>().HasMaxLength(20);
        statusEvent.Property(e => e.EvseVersionHash).HasMaxLength(64).IsRequired();
        statusEvent.HasIndex(e => new { e.LocationSourceId, e.EvseUid, e.OccurredAtUtc });
    }
}

internal sealed class OcpiEvseVersionConfiguration : IEntityTypeConfiguration<OcpiEvseVersion>
{
    public void Configure(EntityTypeBuilder<OcpiEvseVersion> version)
    {
        version.HasKey(v => v.Hash);
        version.Property(v => v.Hash).HasMaxLength(64);
        version.Property(v => v.RawJson).IsRequired();
    }
}

internal sealed class OcpiLocationSnapshotConfiguration : IEntityTypeConfiguration<OcpiLocationSnapshot>
{
    public void Configure(EntityTypeBuilder<OcpiLocationSnapshot> snapshot)
    {
        snapshot.HasKey(s => s.LocationSourceId);
        snapshot.Property(s => s.LocationSourceId).HasMaxLength(100);
        snapshot.Property(s => s.RawJson).IsRequired();
        snapshot.HasIndex(s => new { s.ConnectionId, s.LastListedAtUtc });
        snapshot.HasOne<OcpiConnection>().WithMany().HasForeignKey(s => s.ConnectionId).OnDelete(DeleteBehavior.Restrict);
    }
}
