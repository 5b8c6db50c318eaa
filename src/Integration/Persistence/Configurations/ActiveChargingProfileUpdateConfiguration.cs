using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Integration.Ocpi.ChargingProfiles;
using Portal.Integration.Ocpi.Connections;

namespace Portal.Integration.Persistence.Configurations;

internal sealed class ActiveChargingProfileUpdateConfiguration : IEntityTypeConfiguration<ActiveChargingProfileUpdate>
{
    public void Configure(EntityTypeBuilder<ActiveChargingProfileUpdate> update)
    {
        update.HasKey(u => u.Id);
        update.Property(u => u.SessionId).HasMaxLength(36).IsRequired();
        update.Property(u => u.ChargingRateUnit).HasMaxLength(2).IsRequired();
        update.Property(u => u.LimitAtStart).HasPrecision(10, 1);
        update.Property(u => u.RawJson).IsRequired();
        update.Property(u => u.JsonHash).HasMaxLength(64).IsRequired();
        update.Property(u => u.RequestId).HasMaxLength(ActiveChargingProfileUpdate.MaxRequestId);
        // The same push twice is stored once, also when both copies arrive at the same moment.
        update.HasIndex(u => new { u.ConnectionId, u.SessionId, u.StartDateTimeUtc, u.JsonHash }).IsUnique();
        update.HasIndex(u => new { u.ConnectionId, u.ReceivedAtUtc });
        update.HasOne<OcpiConnection>().WithMany().HasForeignKey(u => u.ConnectionId).OnDelete(DeleteBehavior.Cascade);
    }
}
