using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Applications;
using Portal.Domain.Municipalities;

namespace Portal.Integration.Persistence.Configurations;

internal sealed class ApplicationConfiguration : IEntityTypeConfiguration<Application>
{
    private static readonly JsonSerializerOptions FindingsJson = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public void Configure(EntityTypeBuilder<Application> application)
    {
        application.HasKey(a => a.Id);
        application.Property(a => a.Reference).HasMaxLength(20);
        application.HasIndex(a => a.Reference).IsUnique();
        application.Property(a => a.ApplicantUserId).HasMaxLength(450);
        application.Property(a => a.Status).HasConversion<string>().HasMaxLength(30);
        application.Property(a => a.Postcode).HasMaxLength(6);
        application.Property(a => a.HouseNumberAddition).HasMaxLength(ApplicationAddress.MaxAdditionLength);
        application.Property(a => a.Street).HasMaxLength(Application.MaxStreetLength);
        application.Property(a => a.City).HasMaxLength(Application.MaxCityLength);
        application.Property(a => a.District).HasMaxLength(100);
        application.Property(a => a.LicencePlate).HasMaxLength(8);
        application.Property(a => a.ParkingPermitNumber).HasMaxLength(Application.MaxPermitNumberLength);
        application.Property(a => a.AssignedOfficerId).HasMaxLength(450);
        application.Property(a => a.AssignedOfficerName).HasMaxLength(100);
        application.Property(a => a.Advice).HasConversion<string>().HasMaxLength(30);
        application.Property(a => a.DecisionText).HasMaxLength(Application.MaxDecisionTextLength);
        // The findings are read and written as a whole, with the application: one JSON column.
        application.Property(a => a.Findings)
            .HasConversion(
                findings => JsonSerializer.Serialize(findings, FindingsJson),
                json => JsonSerializer.Deserialize<List<PreAssessmentFinding>>(json, FindingsJson) ?? new List<PreAssessmentFinding>(),
                new ValueComparer<IReadOnlyList<PreAssessmentFinding>>(
                    (a, b) => JsonSerializer.Serialize(a, FindingsJson) == JsonSerializer.Serialize(b, FindingsJson),
                    findings => JsonSerializer.Serialize(findings, FindingsJson).GetHashCode(StringComparison.Ordinal),
                    findings => findings.ToList()));

        application.HasIndex(a => new { a.MunicipalityId, a.Status });
        application.HasIndex(a => a.ApplicantUserId);
        application.HasIndex(a => new { a.Postcode, a.HouseNumber });
        application.HasIndex(a => new { a.RdX, a.RdY });
        application.HasIndex(a => a.ClosedAtUtc);
        application.HasOne<Municipality>().WithMany().HasForeignKey(a => a.MunicipalityId).OnDelete(DeleteBehavior.Restrict);

        application.HasMany(a => a.History).WithOne().HasForeignKey(h => h.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        application.Navigation(a => a.History).UsePropertyAccessMode(PropertyAccessMode.Field);
        application.HasMany(a => a.Documents).WithOne().HasForeignKey(d => d.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        application.Navigation(a => a.Documents).UsePropertyAccessMode(PropertyAccessMode.Field);
        application.HasMany(a => a.InformationRequests).WithOne().HasForeignKey(r => r.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        application.Navigation(a => a.InformationRequests).UsePropertyAccessMode(PropertyAccessMode.Field);

        application.Ignore(a => a.Point);
        application.Ignore(a => a.Address);
        application.Ignore(a => a.Declarations);
        application.Ignore(a => a.IsOpen);
        application.Ignore(a => a.IsClosed);
        application.Ignore(a => a.CarIsOrdered);
        application.Ignore(a => a.OpenInformationRequest);
    }
}

internal sealed class ApplicationChangeConfiguration : IEntityTypeConfiguration<ApplicationChange>
{
    public void Configure(EntityTypeBuilder<ApplicationChange> change)
    {
        change.ToTable("ApplicationHistory");
        change.HasKey(c => c.Id);
        change.Property(c => c.ByUserId).HasMaxLength(450);
        change.Property(c => c.ByName).HasMaxLength(100);
        change.Property(c => c.From).HasConversion<string>().HasMaxLength(30);
        change.Property(c => c.To).HasConversion<string>().HasMaxLength(30);
        change.Property(c => c.Kind).HasConversion<string>().HasMaxLength(30);
        change.Property(c => c.Reason).HasMaxLength(ApplicationChange.MaxReasonLength);
        change.HasIndex(c => new { c.ApplicationId, c.AtUtc });
    }
}

internal sealed class ApplicationDocumentConfiguration : IEntityTypeConfiguration<ApplicationDocument>
{
    public void Configure(EntityTypeBuilder<ApplicationDocument> document)
    {
        document.ToTable("ApplicationDocuments");
        document.HasKey(d => d.Id);
        // The aggregate makes the id; a "generated" key with a value would make EF take a new file for an existing row.
        document.Property(d => d.Id).ValueGeneratedNever();
        document.Property(d => d.Kind).HasConversion<string>().HasMaxLength(30);
        document.Property(d => d.FileName).HasMaxLength(ApplicationDocument.MaxFileNameLength);
        document.Property(d => d.ContentType).HasMaxLength(50);
        document.Property(d => d.StorageKey).HasMaxLength(100);
    }
}

internal sealed class InformationRequestConfiguration : IEntityTypeConfiguration<InformationRequest>
{
    public void Configure(EntityTypeBuilder<InformationRequest> request)
    {
        request.ToTable("ApplicationInformationRequests");
        request.HasKey(r => r.Id);
        request.Property(r => r.Id).ValueGeneratedNever();
        request.Property(r => r.RequestedByName).HasMaxLength(100);
        request.Property(r => r.Question).HasMaxLength(InformationRequest.MaxTextLength);
        request.Property(r => r.Answer).HasMaxLength(InformationRequest.MaxTextLength);
        request.Ignore(r => r.IsOpen);
    }
}
