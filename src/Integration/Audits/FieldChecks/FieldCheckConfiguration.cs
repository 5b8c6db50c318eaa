using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Audits.FieldChecks;
using Portal.Domain.Contracts;
using Portal.Domain.Municipalities;

namespace Portal.Integration.Audits.FieldChecks;

internal sealed class FieldCheckSampleConfiguration : IEntityTypeConfiguration<FieldCheckSample>
{
    public void Configure(EntityTypeBuilder<FieldCheckSample> sample)
    {
        sample.ToTable("FieldCheckSamples");
        sample.HasKey(s => s.Id);
        sample.Property(s => s.DrawnByUserId).HasMaxLength(450);
        sample.Property(s => s.DrawnByName).HasMaxLength(100);
        sample.HasIndex(s => new { s.MunicipalityId, s.DrawnAtUtc });
        sample.HasOne<Municipality>().WithMany().HasForeignKey(s => s.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        sample.HasOne<Contract>().WithMany().HasForeignKey(s => s.ContractId).OnDelete(DeleteBehavior.Restrict);
        sample.HasMany(s => s.Strata).WithOne().HasForeignKey(s => s.SampleId).OnDelete(DeleteBehavior.Cascade);
        sample.HasMany(s => s.Locations).WithOne().HasForeignKey(l => l.SampleId).OnDelete(DeleteBehavior.Cascade);
        sample.HasMany(s => s.History).WithOne().HasForeignKey(h => h.SampleId).OnDelete(DeleteBehavior.Cascade);
        sample.Navigation(s => s.Strata).UsePropertyAccessMode(PropertyAccessMode.Field);
        sample.Navigation(s => s.Locations).UsePropertyAccessMode(PropertyAccessMode.Field);
        sample.Navigation(s => s.History).UsePropertyAccessMode(PropertyAccessMode.Field);
        sample.Ignore(s => s.SeedValue);
        sample.Ignore(s => s.CompletedCount);
    }
}

internal sealed class FieldCheckStratumConfiguration : IEntityTypeConfiguration<FieldCheckStratum>
{
    public void Configure(EntityTypeBuilder<FieldCheckStratum> stratum)
    {
        stratum.ToTable("FieldCheckStrata");
        stratum.HasKey(s => s.Id);
        stratum.Property(s => s.Cpo).HasMaxLength(200);
        stratum.Property(s => s.District).HasMaxLength(10);
        stratum.Property(s => s.PowerClass).HasMaxLength(20);
        stratum.HasIndex(s => s.SampleId);
    }
}

internal sealed class SampledLocationConfiguration : IEntityTypeConfiguration<SampledLocation>
{
    public void Configure(EntityTypeBuilder<SampledLocation> location)
    {
        location.ToTable("FieldCheckLocations");
        location.HasKey(l => l.Id);
        location.Property(l => l.LocationKey).HasMaxLength(SampledLocation.MaxKeyLength);
        location.Property(l => l.Name).HasMaxLength(SampledLocation.MaxTextLength);
        location.Property(l => l.Address).HasMaxLength(SampledLocation.MaxTextLength);
        location.Property(l => l.Cpo).HasMaxLength(200);
        location.Property(l => l.District).HasMaxLength(10);
        location.Property(l => l.PowerClass).HasMaxLength(20);
        location.Property(l => l.CompletedByUserId).HasMaxLength(450);
        location.Property(l => l.CompletedByName).HasMaxLength(100);
        location.HasIndex(l => new { l.SampleId, l.Position }).IsUnique();
        location.HasMany(l => l.Items).WithOne().HasForeignKey(i => i.SampledLocationId).OnDelete(DeleteBehavior.Cascade);
        location.HasMany(l => l.Photos).WithOne().HasForeignKey(p => p.SampledLocationId).OnDelete(DeleteBehavior.Cascade);
        location.Navigation(l => l.Items).UsePropertyAccessMode(PropertyAccessMode.Field);
        location.Navigation(l => l.Photos).UsePropertyAccessMode(PropertyAccessMode.Field);
        location.Ignore(l => l.IsCompleted);
    }
}

internal sealed class FieldCheckItemConfiguration : IEntityTypeConfiguration<FieldCheckItem>
{
    public void Configure(EntityTypeBuilder<FieldCheckItem> item)
    {
        item.ToTable("FieldCheckItems");
        item.HasKey(i => i.Id);
        item.Property(i => i.ContractReference).HasMaxLength(Contract.MaxReferenceLength);
        item.Property(i => i.SetId).HasMaxLength(40);
        item.Property(i => i.Code).HasMaxLength(20);
        item.Property(i => i.Text).HasMaxLength(FieldCheckItem.MaxTextLength);
        item.Property(i => i.Result).HasConversion<string>().HasMaxLength(20);
        item.Property(i => i.Note).HasMaxLength(FieldCheckItem.MaxNoteLength);
        item.Property(i => i.FilledByUserId).HasMaxLength(450);
        item.Property(i => i.FilledByName).HasMaxLength(100);
        item.HasIndex(i => new { i.SampledLocationId, i.Number }).IsUnique();
        item.HasOne<Contract>().WithMany().HasForeignKey(i => i.ContractId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class FieldCheckPhotoConfiguration : IEntityTypeConfiguration<FieldCheckPhoto>
{
    public void Configure(EntityTypeBuilder<FieldCheckPhoto> photo)
    {
        photo.ToTable("FieldCheckPhotos");
        photo.HasKey(p => p.Id);
        photo.Property(p => p.FileName).HasMaxLength(FieldCheckPhoto.MaxFileNameLength);
        photo.Property(p => p.ContentType).HasMaxLength(100);
        photo.Property(p => p.StorageKey).HasMaxLength(64);
        photo.Property(p => p.UploadedByUserId).HasMaxLength(450);
        photo.Property(p => p.UploadedByName).HasMaxLength(100);
        photo.HasIndex(p => p.SampledLocationId);
    }
}

internal sealed class FieldCheckChangeConfiguration : IEntityTypeConfiguration<FieldCheckChange>
{
    public void Configure(EntityTypeBuilder<FieldCheckChange> change)
    {
        change.ToTable("FieldCheckChanges");
        change.HasKey(c => c.Id);
        change.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
        change.Property(c => c.ByUserId).HasMaxLength(450);
        change.Property(c => c.ByName).HasMaxLength(100);
        change.Property(c => c.Detail).HasMaxLength(FieldCheckChange.MaxDetailLength);
        change.HasIndex(c => new { c.SampleId, c.AtUtc });
    }
}
