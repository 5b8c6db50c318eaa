using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Audits.Runs;
using Portal.Domain.Contracts;
using Portal.Domain.Operators;

namespace Portal.Integration.Persistence.Configurations;

internal sealed class AuditRunConfiguration : IEntityTypeConfiguration<AuditRun>
{
    /// <summary>Ratios are kept to <see cref="AuditRunEvse.StoredDecimals"/> decimals, which every provider stores exactly.</summary>
    internal const int RatioPrecision = 12;

    public void Configure(EntityTypeBuilder<AuditRun> run)
    {
        run.ToTable("AuditRuns");
        run.HasKey(r => r.Id);
        run.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        run.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        run.Property(r => r.MetricVersion).HasMaxLength(10);
        run.Property(r => r.Fingerprint).HasMaxLength(64);
        run.Property(r => r.AvailabilityThresholdPercent).HasPrecision(5, 2);
        run.Property(r => r.ConnectivityThresholdPercent).HasPrecision(5, 2);
        foreach (var ratio in new[] { nameof(AuditRun.TimeWeightedAvailability), nameof(AuditRun.ShareMeetingThreshold), nameof(AuditRun.P5), nameof(AuditRun.P50) })
            run.Property(ratio).HasPrecision(RatioPrecision, AuditRunEvse.StoredDecimals);
        run.Property(r => r.SignedByUserId).HasMaxLength(450);
        run.Property(r => r.SignedByName).HasMaxLength(200);
        run.Property(r => r.CorrectionReason).HasMaxLength(AuditRun.MaxReasonLength);
        // One version number per contract, kind and period, whichever node computes first.
        run.HasIndex(r => new { r.ContractId, r.Kind, r.PeriodStart, r.Version }).IsUnique();
        run.HasIndex(r => new { r.OperatorId, r.Status });
        run.HasOne<Contract>().WithMany().HasForeignKey(r => r.ContractId).OnDelete(DeleteBehavior.Restrict);
        run.HasOne<OperatorOrganisation>().WithMany().HasForeignKey(r => r.OperatorId).OnDelete(DeleteBehavior.Restrict);
        run.HasMany(r => r.Evses).WithOne().HasForeignKey(e => e.RunId).OnDelete(DeleteBehavior.Cascade);
        run.HasMany(r => r.Outages).WithOne().HasForeignKey(o => o.RunId).OnDelete(DeleteBehavior.Cascade);
        run.Navigation(r => r.Evses).UsePropertyAccessMode(PropertyAccessMode.Field);
        run.Navigation(r => r.Outages).UsePropertyAccessMode(PropertyAccessMode.Field);
        run.Ignore(r => r.IsFrozen);
        run.Ignore(r => r.FailedAvailability);
        run.Ignore(r => r.FailedConnectivity);
    }
}

internal sealed class AuditRunEvseConfiguration : IEntityTypeConfiguration<AuditRunEvse>
{
    public void Configure(EntityTypeBuilder<AuditRunEvse> evse)
    {
        evse.ToTable("AuditRunEvses");
        evse.HasKey(e => e.Id);
        evse.Property(e => e.EvseKey).HasMaxLength(AuditRunEvse.MaxKeyLength);
        evse.Property(e => e.LocationId).HasMaxLength(EvseRef.MaxIdLength);
        evse.Property(e => e.EvseUid).HasMaxLength(EvseRef.MaxIdLength);
        evse.Property(e => e.Fingerprint).HasMaxLength(64);
        evse.Property(e => e.AvailabilityVerdict).HasConversion<string>().HasMaxLength(30);
        evse.Property(e => e.ConnectivityVerdict).HasConversion<string>().HasMaxLength(30);
        evse.Property(e => e.Availability).HasPrecision(AuditRunConfiguration.RatioPrecision, AuditRunEvse.StoredDecimals);
        evse.Property(e => e.Connectivity).HasPrecision(AuditRunConfiguration.RatioPrecision, AuditRunEvse.StoredDecimals);
        evse.Property(e => e.NeviUptime).HasPrecision(AuditRunConfiguration.RatioPrecision, AuditRunEvse.StoredDecimals);
        evse.Property(e => e.Coverage).HasPrecision(AuditRunConfiguration.RatioPrecision, AuditRunEvse.StoredDecimals);
        evse.HasIndex(e => new { e.RunId, e.EvseKey }).IsUnique();
    }
}

internal sealed class AuditRunOutageConfiguration : IEntityTypeConfiguration<AuditRunOutage>
{
    public void Configure(EntityTypeBuilder<AuditRunOutage> outage)
    {
        outage.ToTable("AuditRunOutages");
        outage.HasKey(o => o.Id);
        outage.Property(o => o.EvseKey).HasMaxLength(AuditRunEvse.MaxKeyLength);
        outage.Property(o => o.Categories).HasMaxLength(AuditRunOutage.MaxClaimsLength);
        outage.Property(o => o.Claims).HasMaxLength(AuditRunOutage.MaxClaimsLength);
        outage.Property(o => o.StatusPath).HasMaxLength(AuditRunOutage.MaxPathLength);
        outage.Ignore(o => o.Excluded);
        outage.HasIndex(o => new { o.RunId, o.EvseKey, o.StartUtc });
    }
}
