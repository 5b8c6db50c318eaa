using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Requirements;

namespace Portal.Integration.Requirements;

internal sealed class ProtocolCertificationConfiguration : IEntityTypeConfiguration<ProtocolCertification>
{
    public void Configure(EntityTypeBuilder<ProtocolCertification> certification)
    {
        certification.ToTable("ProtocolCertifications");
        certification.HasKey(c => c.Id);
        certification.Property(c => c.Protocol).HasMaxLength(ProtocolCertification.MaxProtocolLength);
        certification.Property(c => c.Version).HasMaxLength(ProtocolCertification.MaxVersionLength);
        certification.Property(c => c.Kind).HasConversion<string>().HasMaxLength(10);
        certification.Property(c => c.SourceNote).HasMaxLength(ProtocolCertification.MaxSourceLength);
        certification.Property(c => c.RecordedByUserId).HasMaxLength(450);
        certification.Property(c => c.RecordedByName).HasMaxLength(100);
        certification.HasIndex(c => new { c.Protocol, c.Version, c.RecordedAtUtc });
    }
}
