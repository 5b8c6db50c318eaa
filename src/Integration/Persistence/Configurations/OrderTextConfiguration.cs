using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Municipalities;
using Portal.Domain.TrafficOrders;
using Portal.Domain.TrafficOrders.OrderTexts;

namespace Portal.Integration.Persistence.Configurations;

internal sealed class OrderTemplateVersionConfiguration : IEntityTypeConfiguration<OrderTemplateVersion>
{
    public void Configure(EntityTypeBuilder<OrderTemplateVersion> version)
    {
        version.ToTable("OrderTemplateVersions");
        version.HasKey(v => v.Id);
        foreach (var part in new[] { "Title", "Preamble", "Considerations", "LegalBasis", "Decision", "ObjectionClause", "ViewsClause", "AppealClause", "Signature" })
            version.Property<string>(part).HasMaxLength(OrderTextTemplate.MaxPartLength);
        version.Property(v => v.SavedByUserId).HasMaxLength(450);
        version.Property(v => v.SavedByName).HasMaxLength(100);
        version.HasIndex(v => new { v.MunicipalityId, v.Version }).IsUnique();
        version.HasOne<Municipality>().WithMany().HasForeignKey(v => v.MunicipalityId).OnDelete(DeleteBehavior.Cascade);
        version.Ignore(v => v.Template);
    }
}

internal sealed class OrderTextChoicesConfiguration : IEntityTypeConfiguration<OrderTextChoices>
{
    public void Configure(EntityTypeBuilder<OrderTextChoices> choices)
    {
        choices.ToTable("OrderTextChoices");
        choices.HasKey(c => c.TrafficOrderId);
        choices.Property(c => c.InterestNames).HasMaxLength(200);
        choices.Property(c => c.Motivation).HasMaxLength(OrderTextChoices.MaxMotivationLength);
        choices.Property(c => c.UpdatedByName).HasMaxLength(100);
        choices.HasOne<TrafficOrder>().WithOne().HasForeignKey<OrderTextChoices>(c => c.TrafficOrderId).OnDelete(DeleteBehavior.Cascade);
        choices.Ignore(c => c.Interests);
    }
}
