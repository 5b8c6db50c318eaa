using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Integration.Changes;

namespace Portal.Integration.Persistence.Configurations;

internal sealed class ChangeSignalConfiguration : IEntityTypeConfiguration<ChangeSignal>
{
    public void Configure(EntityTypeBuilder<ChangeSignal> signal)
    {
        signal.ToTable("ChangeSignals");
        signal.HasKey(s => s.Topic);
        signal.Property(s => s.Topic).HasConversion<string>().HasMaxLength(40);
        // Every topic has its row from the start, so raising a counter is always an UPDATE.
        signal.HasData(Enum.GetValues<ChangeTopic>().Select(topic => new { Topic = topic, Version = 0L, ChangedAtUtc = new DateTime(2026, 12, 6, 0, 0, 0, DateTimeKind.Utc) }));
    }
}
