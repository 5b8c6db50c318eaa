using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Municipalities;
using Portal.Domain.Spots;
using Portal.Domain.TrafficOrders;

namespace Portal.Integration.Persistence.Configurations;

internal sealed class TrafficOrderConfiguration : IEntityTypeConfiguration<TrafficOrder>
{
    public void Configure(EntityTypeBuilder<TrafficOrder> order)
    {
        order.HasKey(o => o.Id);
        order.Property(o => o.Reference).HasMaxLength(40);
        order.Property(o => o.Title).HasMaxLength(TrafficOrder.MaxTitleLength);
        order.Property(o => o.Route).HasConversion<string>().HasMaxLength(20);
        order.Property(o => o.Status).HasConversion<string>().HasMaxLength(20);
        order.Property(o => o.PoliceAnswer).HasMaxLength(PoliceConsultation.MaxAnswerLength);
        order.Property(o => o.DraftChannel).HasConversion<string>().HasMaxLength(20);
        order.Property(o => o.DraftJournalReference).HasMaxLength(Publication.MaxReferenceLength);
        order.Property(o => o.Channel).HasConversion<string>().HasMaxLength(20);
        order.Property(o => o.JournalReference).HasMaxLength(Publication.MaxReferenceLength);
        order.HasIndex(o => new { o.MunicipalityId, o.Reference }).IsUnique();
        order.HasIndex(o => new { o.MunicipalityId, o.Status });
        order.HasOne<Municipality>().WithMany().HasForeignKey(o => o.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        order.HasOne<TrafficOrder>().WithMany().HasForeignKey(o => o.AmendsOrderId).OnDelete(DeleteBehavior.Restrict);
        order.HasMany(o => o.Locations).WithOne().HasForeignKey(l => l.TrafficOrderId).OnDelete(DeleteBehavior.Cascade);
        order.HasMany(o => o.Objections).WithOne().HasForeignKey(b => b.TrafficOrderId).OnDelete(DeleteBehavior.Cascade);
        order.HasMany(o => o.History).WithOne().HasForeignKey(h => h.TrafficOrderId).OnDelete(DeleteBehavior.Cascade);
        order.Navigation(o => o.Locations).UsePropertyAccessMode(PropertyAccessMode.Field);
        order.Navigation(o => o.Objections).UsePropertyAccessMode(PropertyAccessMode.Field);
        order.Navigation(o => o.History).UsePropertyAccessMode(PropertyAccessMode.Field);
        order.Ignore(o => o.IsLive);
        order.Ignore(o => o.IsCollectionOrder);
    }
}

internal sealed class TrafficOrderLocationConfiguration : IEntityTypeConfiguration<TrafficOrderLocation>
{
    public void Configure(EntityTypeBuilder<TrafficOrderLocation> location)
    {
        location.HasKey(l => l.Id);
        location.Property(l => l.Street).HasMaxLength(255);
        location.Property(l => l.NearestHouseNumber).HasMaxLength(20);
        location.Property(l => l.Board).HasConversion<string>().HasMaxLength(4);
        location.Property(l => l.SubSign).HasMaxLength(PlannedSign.MaxSubSignLength);
        location.Property(l => l.TimeWindow).HasMaxLength(PlannedSign.MaxSubSignLength);
        location.Property(l => l.SignStatus).HasConversion<string>().HasMaxLength(10);
        location.HasIndex(l => new { l.TrafficOrderId, l.SpotId }).IsUnique();
        // Restrict, not cascade: a spot in an order is never deleted underneath it (and SQL Server allows one cascade path only).
        location.HasOne<Spot>().WithMany().HasForeignKey(l => l.SpotId).OnDelete(DeleteBehavior.Restrict);
        location.Ignore(l => l.Sign);
    }
}

internal sealed class ObjectionConfiguration : IEntityTypeConfiguration<Objection>
{
    public void Configure(EntityTypeBuilder<Objection> objection)
    {
        objection.ToTable("TrafficOrderObjections");
        objection.HasKey(o => o.Id);
        // The order makes the id; "never generated" tells EF that an objection received on a loaded order is new (an insert, not an update).
        objection.Property(o => o.Id).ValueGeneratedNever();
        objection.Property(o => o.Reference).HasMaxLength(40);
        objection.Property(o => o.Kind).HasConversion<string>().HasMaxLength(10);
        objection.Property(o => o.Name).HasMaxLength(ObjectionSubmission.MaxNameLength);
        objection.Property(o => o.Address).HasMaxLength(ObjectionSubmission.MaxAddressLength);
        objection.Property(o => o.Email).HasMaxLength(ObjectionSubmission.MaxEmailLength);
        objection.Property(o => o.Grounds).HasMaxLength(ObjectionSubmission.MaxGroundsLength);
        objection.Property(o => o.AdmissibilityNote).HasMaxLength(Objection.MaxTextLength);
        objection.Property(o => o.Outcome).HasConversion<string>().HasMaxLength(20);
        objection.Property(o => o.Consequence).HasConversion<string>().HasMaxLength(20);
        objection.Property(o => o.Response).HasMaxLength(Objection.MaxTextLength);
        // Numbered per municipality and year ("BZ-2026-0042"), like the orders.
        objection.HasIndex(o => new { o.MunicipalityId, o.Reference }).IsUnique();
        objection.HasOne<Municipality>().WithMany().HasForeignKey(o => o.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        objection.HasIndex(o => new { o.TrafficOrderId, o.ReceivedAtUtc });
        objection.OwnsMany(o => o.RepairPauses, pause =>
        {
            pause.ToTable("ObjectionRepairPauses");
            pause.WithOwner().HasForeignKey("ObjectionId");
            pause.Property<int>("Id");
            pause.HasKey("Id");
        });
        objection.OwnsMany(o => o.Deferrals, deferral =>
        {
            deferral.ToTable("ObjectionDeferrals");
            deferral.WithOwner().HasForeignKey("ObjectionId");
            deferral.Property<int>("Id");
            deferral.HasKey("Id");
            deferral.Property(d => d.Ground).HasConversion<string>().HasMaxLength(30);
        });
        objection.Navigation(o => o.RepairPauses).UsePropertyAccessMode(PropertyAccessMode.Field);
        objection.Navigation(o => o.Deferrals).UsePropertyAccessMode(PropertyAccessMode.Field);
        objection.Ignore(o => o.IsDecided);
    }
}

internal sealed class ObjectionDocumentConfiguration : IEntityTypeConfiguration<ObjectionDocument>
{
    public void Configure(EntityTypeBuilder<ObjectionDocument> document)
    {
        document.ToTable("TrafficOrderObjectionDocuments");
        document.HasKey(d => d.Id);
        document.Property(d => d.Id).ValueGeneratedNever();
        document.Property(d => d.Kind).HasConversion<string>().HasMaxLength(20);
        document.Property(d => d.FileName).HasMaxLength(ObjectionDocument.MaxFileNameLength);
        document.Property(d => d.ContentType).HasMaxLength(50);
        document.Property(d => d.StorageKey).HasMaxLength(100);
        document.HasIndex(d => d.ObjectionId);
        document.HasOne<Objection>().WithMany().HasForeignKey(d => d.ObjectionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TrafficOrderChangeConfiguration : IEntityTypeConfiguration<TrafficOrderChange>
{
    public void Configure(EntityTypeBuilder<TrafficOrderChange> change)
    {
        change.ToTable("TrafficOrderHistory");
        change.HasKey(c => c.Id);
        change.Property(c => c.ByUserId).HasMaxLength(450);
        change.Property(c => c.ByName).HasMaxLength(100);
        change.Property(c => c.From).HasConversion<string>().HasMaxLength(20);
        change.Property(c => c.To).HasConversion<string>().HasMaxLength(20);
        change.Property(c => c.Reason).HasMaxLength(TrafficOrder.MaxReasonLength);
        change.HasIndex(c => new { c.TrafficOrderId, c.AtUtc });
    }
}
