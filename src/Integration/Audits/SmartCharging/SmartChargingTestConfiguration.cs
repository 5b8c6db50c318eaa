using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Audits.SmartCharging;
using Portal.Domain.Contracts;

namespace Portal.Integration.Audits.SmartCharging;

internal sealed class SmartChargingTestRunConfiguration : IEntityTypeConfiguration<SmartChargingTestRun>
{
    public void Configure(EntityTypeBuilder<SmartChargingTestRun> run)
    {
        run.ToTable("SmartChargingTestRuns");
        run.HasKey(r => r.Id);
        run.Property(r => r.LimitKw).HasPrecision(9, 3);
        run.Property(r => r.TolerancePercent).HasPrecision(5, 2);
        run.Property(r => r.Purpose).HasMaxLength(SmartChargingTestProfile.MaxPurposeLength);
        run.Property(r => r.StartedBy).HasMaxLength(SmartChargingTestRun.MaxStartedByLength);
        run.Property(r => r.Verdict).HasConversion<string>().HasMaxLength(20);
        run.HasIndex(r => new { r.ContractId, r.StartedAtUtc });
        run.HasIndex(r => new { r.OperatorId, r.StartedAtUtc });
        run.HasIndex(r => r.CompletedAtUtc);
        run.HasOne<Contract>().WithMany().HasForeignKey(r => r.ContractId).OnDelete(DeleteBehavior.Restrict);
        run.HasMany(r => r.Evses).WithOne().HasForeignKey(e => e.RunId).OnDelete(DeleteBehavior.Cascade);
        run.HasMany(r => r.Requirements).WithOne().HasForeignKey(e => e.RunId).OnDelete(DeleteBehavior.Cascade);
        run.Navigation(r => r.Evses).UsePropertyAccessMode(PropertyAccessMode.Field);
        run.Navigation(r => r.Requirements).UsePropertyAccessMode(PropertyAccessMode.Field);
        run.Ignore(r => r.SeedValue);
        run.Ignore(r => r.IsCompleted);
        run.Ignore(r => r.ProfileEndsAtUtc);
        run.Ignore(r => r.Observations);
        run.Ignore(r => r.Figures);
    }
}

internal sealed class SmartChargingTestEvseConfiguration : IEntityTypeConfiguration<SmartChargingTestEvse>
{
    public void Configure(EntityTypeBuilder<SmartChargingTestEvse> evse)
    {
        evse.ToTable("SmartChargingTestEvses");
        evse.HasKey(e => e.Id);
        evse.Property(e => e.LocationId).HasMaxLength(EvseRef.MaxIdLength);
        evse.Property(e => e.EvseUid).HasMaxLength(EvseRef.MaxIdLength);
        evse.Property(e => e.SessionId).HasMaxLength(36);
        evse.Property(e => e.SyncAnswer).HasMaxLength(20);
        evse.Property(e => e.AsyncResult).HasMaxLength(20);
        evse.Property(e => e.MeasuredMaxKw).HasPrecision(9, 3);
        evse.HasIndex(e => new { e.RunId, e.Position }).IsUnique();
        evse.Ignore(e => e.Observation);
    }
}

internal sealed class SmartChargingTestRequirementConfiguration : IEntityTypeConfiguration<SmartChargingTestRequirement>
{
    public void Configure(EntityTypeBuilder<SmartChargingTestRequirement> requirement)
    {
        requirement.ToTable("SmartChargingTestRequirements");
        requirement.HasKey(r => r.Id);
        requirement.Property(r => r.SetId).HasMaxLength(40);
        requirement.Property(r => r.Code).HasMaxLength(20);
        requirement.Property(r => r.Verdict).HasConversion<string>().HasMaxLength(20);
        requirement.HasIndex(r => r.RunId);
    }
}
