using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Integration.Ocpi.Connections;
using Portal.Integration.Ocpi.Pulling;

namespace Portal.Integration.Persistence.Configurations;

internal sealed class OcpiPartnerEndpointConfiguration : IEntityTypeConfiguration<OcpiPartnerEndpoint>
{
    public void Configure(EntityTypeBuilder<OcpiPartnerEndpoint> endpoint)
    {
        endpoint.HasKey(e => new { e.ConnectionId, e.Identifier, e.Role });
        endpoint.Property(e => e.Identifier).HasMaxLength(50);
        endpoint.Property(e => e.Role).HasMaxLength(10);
        endpoint.Property(e => e.Url).HasMaxLength(255).IsRequired();
        endpoint.HasOne<OcpiConnection>().WithMany().HasForeignKey(e => e.ConnectionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OcpiPullCheckpointConfiguration : IEntityTypeConfiguration<OcpiPullCheckpoint>
{
    public void Configure(EntityTypeBuilder<OcpiPullCheckpoint> checkpoint)
    {
        checkpoint.HasKey(c => new { c.ConnectionId, c.Module });
        checkpoint.Property(c => c.Module).HasConversion<string>().HasMaxLength(20);
        checkpoint.HasOne<OcpiConnection>().WithMany().HasForeignKey(c => c.ConnectionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OcpiPullRunConfiguration : IEntityTypeConfiguration<OcpiPullRun>
{
    public void Configure(EntityTypeBuilder<OcpiPullRun> run)
    {
        run.HasKey(r => r.Id);
        run.Property(r => r.Module).HasConversion<string>().HasMaxLength(20);
        run.Property(r => r.Mode).HasConversion<string>().HasMaxLength(20);
        run.Property(r => r.Outcome).HasConversion<string>().HasMaxLength(20);
        run.Property(r => r.Error).HasMaxLength(1000);
        run.Property(r => r.FailedRequestId).HasMaxLength(100);
        run.HasIndex(r => new { r.ConnectionId, r.StartedAtUtc });
        run.HasOne<OcpiConnection>().WithMany().HasForeignKey(r => r.ConnectionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OcpiSessionRecordConfiguration : IEntityTypeConfiguration<OcpiSessionRecord>
{
    public void Configure(EntityTypeBuilder<OcpiSessionRecord> session)
    {
        session.ToTable("OcpiSessions");
        session.HasKey(s => s.Id);
        session.Property(s => s.Key).HasMaxLength(50).IsRequired();
        session.Property(s => s.SessionId).HasMaxLength(36).IsRequired();
        session.Property(s => s.CountryCode).HasMaxLength(2);
        session.Property(s => s.PartyId).HasMaxLength(3);
        session.Property(s => s.Status).HasMaxLength(20);
        session.Property(s => s.LocationId).HasMaxLength(36);
        session.Property(s => s.EvseUid).HasMaxLength(36);
        session.Property(s => s.ConnectorId).HasMaxLength(36);
        session.Property(s => s.Currency).HasMaxLength(3);
        session.HasIndex(s => new { s.ConnectionId, s.Key }).IsUnique();
        session.HasIndex(s => new { s.LocationId, s.EvseUid, s.StartUtc });
        session.HasOne<OcpiConnection>().WithMany().HasForeignKey(s => s.ConnectionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class OcpiCdrRecordConfiguration : IEntityTypeConfiguration<OcpiCdrRecord>
{
    public void Configure(EntityTypeBuilder<OcpiCdrRecord> cdr)
    {
        cdr.ToTable("OcpiCdrs");
        cdr.HasKey(c => c.Id);
        cdr.Property(c => c.Key).HasMaxLength(50).IsRequired();
        cdr.Property(c => c.CdrId).HasMaxLength(39).IsRequired();
        cdr.Property(c => c.CountryCode).HasMaxLength(2);
        cdr.Property(c => c.PartyId).HasMaxLength(3);
        cdr.Property(c => c.SessionId).HasMaxLength(36);
        cdr.Property(c => c.LocationId).HasMaxLength(36);
        cdr.Property(c => c.EvseUid).HasMaxLength(36);
        cdr.Property(c => c.EvseId).HasMaxLength(48);
        cdr.Property(c => c.ConnectorId).HasMaxLength(36);
        cdr.Property(c => c.Currency).HasMaxLength(3);
        cdr.Property(c => c.CreditReferenceId).HasMaxLength(39);
        cdr.HasIndex(c => new { c.ConnectionId, c.Key }).IsUnique();
        cdr.HasIndex(c => new { c.LocationId, c.EvseUid, c.StartUtc });
        cdr.HasOne<OcpiConnection>().WithMany().HasForeignKey(c => c.ConnectionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class OcpiTariffVersionConfiguration : IEntityTypeConfiguration<OcpiTariffVersion>
{
    public void Configure(EntityTypeBuilder<OcpiTariffVersion> tariff)
    {
        tariff.HasKey(t => t.Id);
        tariff.Property(t => t.Key).HasMaxLength(50).IsRequired();
        tariff.Property(t => t.TariffId).HasMaxLength(36).IsRequired();
        tariff.Property(t => t.CountryCode).HasMaxLength(2);
        tariff.Property(t => t.PartyId).HasMaxLength(3);
        tariff.Property(t => t.Currency).HasMaxLength(3);
        tariff.Property(t => t.Type).HasMaxLength(20);
        tariff.Property(t => t.RawJson).IsRequired();
        tariff.HasIndex(t => new { t.ConnectionId, t.Key, t.LastUpdatedUtc }).IsUnique();
        tariff.HasOne<OcpiConnection>().WithMany().HasForeignKey(t => t.ConnectionId).OnDelete(DeleteBehavior.Restrict);
    }
}
