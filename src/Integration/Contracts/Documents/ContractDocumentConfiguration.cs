using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Contracts;
using Portal.Domain.Contracts.Documents;

namespace Portal.Integration.Contracts.Documents;

internal sealed class ContractDocumentConfiguration : IEntityTypeConfiguration<ContractDocument>
{
    public void Configure(EntityTypeBuilder<ContractDocument> document)
    {
        document.ToTable("ContractDocuments");
        document.HasKey(d => d.Id);
        document.Property(d => d.Id).ValueGeneratedNever();
        document.Property(d => d.Kind).HasConversion<string>().HasMaxLength(20);
        document.Property(d => d.Title).HasMaxLength(ContractDocument.MaxTitleLength);
        document.Property(d => d.FileName).HasMaxLength(ContractDocument.MaxFileNameLength);
        document.Property(d => d.ContentType).HasMaxLength(100);
        document.Property(d => d.StorageKey).HasMaxLength(100);
        document.Property(d => d.UploadedByUserId).HasMaxLength(450);
        document.Property(d => d.UploadedByName).HasMaxLength(100);
        document.Property(d => d.RemovedByUserId).HasMaxLength(450);
        document.Property(d => d.RemovedByName).HasMaxLength(100);
        document.Property(d => d.RemovalReason).HasMaxLength(ContractDocument.MaxReasonLength);
        document.HasIndex(d => new { d.ContractId, d.VersionNumber });
        document.HasOne<Contract>().WithMany().HasForeignKey(d => d.ContractId).OnDelete(DeleteBehavior.Cascade);
        // VersionId has no foreign key: a discarded draft version goes while its (removable) documents stay, and
        // SQL Server refuses a second cascade path from the contract through its versions.
        document.Ignore(d => d.IsRemoved);
    }
}
