using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Integration.Ocpi.ChargingProfiles;
using Portal.Integration.Ocpi.Connections;

namespace Portal.Integration.Persistence.Configurations;

internal sealed class ChargingProfileRequestConfiguration : IEntityTypeConfiguration<ChargingProfileRequest>
{
    public void Configure(EntityTypeBuilder<ChargingProfileRequest> request)
    {
        request.HasKey(r => r.Id);
        request.Property(r => r.Id).ValueGeneratedNever();
        request.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        request.Property(r => r.State).HasConversion<string>().HasMaxLength(20);
        request.Property(r => r.SessionId).HasMaxLength(36).IsRequired();
        request.Property(r => r.LocationId).HasMaxLength(36);
        request.Property(r => r.EvseUid).HasMaxLength(36);
        request.Property(r => r.Limit).HasPrecision(10, 1);
        request.Property(r => r.Unit).HasMaxLength(2);
        request.Property(r => r.RequestedBy).HasMaxLength(256);
        request.Property(r => r.SyncResult).HasMaxLength(20);
        request.Property(r => r.AsyncResult).HasMaxLength(20);
        request.Property(r => r.Error).HasMaxLength(ChargingProfileRequest.MaxError);
        request.Property(r => r.CallRequestId).HasMaxLength(100);
        request.Property(r => r.ResponseUrl).HasMaxLength(ChargingProfileRequest.MaxResponseUrl).IsRequired();
        request.Property(r => r.Version).IsConcurrencyToken();
        request.Ignore(r => r.ResultDueAtUtc);
        request.Ignore(r => r.MayRetry);
        request.HasIndex(r => new { r.ConnectionId, r.QueuedAtUtc });
        request.HasIndex(r => new { r.State, r.NextAttemptAtUtc });
        request.HasOne<OcpiConnection>().WithMany().HasForeignKey(r => r.ConnectionId).OnDelete(DeleteBehavior.Cascade);
    }
}
