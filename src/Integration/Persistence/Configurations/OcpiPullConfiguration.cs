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

/// <summary>The columns, keys and indexes sessions and CDRs share.</summary>
internal abstract class OcpiChargingRecordConfiguration<T> : IEntityTypeConfiguration<T>
    where T : OcpiChargingRecord
{
    protected abstract string Table { get; }

    public void Configure(EntityTypeBuilder<T> record)
    {
        record.ToTable(Table);
        record.HasKey(r => r.Id);
        record.Property(r => r.Key).HasMaxLength(50).IsRequired();
        record.Property(r => r.CountryCode).HasMaxLength(2);
        record.Property(r => r.PartyId).HasMaxLength(3);
        record.Property(r => r.LocationId).HasMaxLength(36);
        record.Property(r => r.EvseUid).HasMaxLength(36);
        record.Property(r => r.ConnectorId).HasMaxLength(36);
        record.Property(r => r.Currency).HasMaxLength(3);
        record.HasIndex(r => new { r.ConnectionId, r.Key }).IsUnique();
        record.HasIndex(r => new { r.LocationId, r.EvseUid, r.StartUtc });
        record.HasOne<OcpiConnection>().WithMany().HasForeignKey(r => r.ConnectionId).OnDelete(DeleteBehavior.Restrict);
        ConfigureOwn(record);
    }

    protected abstract void ConfigureOwn(EntityTypeBuilder<T> record);
}

internal sealed class OcpiSessionRecordConfiguration : OcpiChargingRecordConfiguration<OcpiSessionRecord>
{
    protected override string Table => "OcpiSessions";

    protected override void ConfigureOwn(EntityTypeBuilder<OcpiSessionRecord> session)
    {
        session.Property(s => s.SessionId).HasMaxLength(36).IsRequired();
        session.Property(s => s.Status).HasMaxLength(20);
    }
}

internal sealed class OcpiCdrRecordConfiguration : OcpiChargingRecordConfiguration<OcpiCdrRecord>
{
    protected override string Table => "OcpiCdrs";

    protected override void ConfigureOwn(EntityTypeBuilder<OcpiCdrRecord> cdr)
    {
        cdr.Property(c => c.CdrId).HasMaxLength(39).IsRequired();
        cdr.Property(c => c.SessionId).HasMaxLength(36);
        cdr.Property(c => c.EvseId).HasMaxLength(48);
        cdr.Property(c => c.CreditReferenceId).HasMaxLength(39);
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
