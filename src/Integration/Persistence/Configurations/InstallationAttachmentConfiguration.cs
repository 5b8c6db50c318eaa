using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Installations;

namespace Portal.Integration.Persistence.Configurations;

internal sealed class InstallationAttachmentConfiguration : IEntityTypeConfiguration<InstallationAttachment>
{
    public void Configure(EntityTypeBuilder<InstallationAttachment> attachment)
    {
        attachment.ToTable("InstallationAttachments");
        attachment.HasKey(a => a.Id);
        attachment.Property(a => a.Step).HasConversion<string>().HasMaxLength(30);
        attachment.Property(a => a.FileName).HasMaxLength(InstallationAttachment.MaxFileNameLength);
        attachment.Property(a => a.ContentType).HasMaxLength(100);
        attachment.Property(a => a.StorageKey).HasMaxLength(64);
        attachment.Property(a => a.UploadedByUserId).HasMaxLength(450);
        attachment.Property(a => a.UploadedByName).HasMaxLength(100);
        attachment.HasIndex(a => new { a.CaseId, a.Step });
        attachment.HasOne<InstallationCase>().WithMany().HasForeignKey(a => a.CaseId).OnDelete(DeleteBehavior.Cascade);
        attachment.Ignore(a => a.IsImage);
    }
}
