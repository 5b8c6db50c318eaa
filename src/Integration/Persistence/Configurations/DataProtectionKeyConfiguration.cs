using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Integration.Persistence.Configurations;

internal sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> key)
    {
        key.HasKey(k => k.Id);
        key.Property(k => k.FriendlyName).HasMaxLength(200);
        key.Property(k => k.Xml).IsRequired();
    }
}
