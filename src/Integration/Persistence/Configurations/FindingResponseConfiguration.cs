using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Contracts.Evidence;
using Portal.Domain.Contracts.Findings;

namespace Portal.Integration.Persistence.Configurations;

internal sealed class FindingResponseConfiguration : IEntityTypeConfiguration<FindingResponse>
{
    public void Configure(EntityTypeBuilder<FindingResponse> response)
    {
        response.ToTable("FindingResponses");
        response.HasKey(r => r.Id);
        response.Property(r => r.State).HasConversion<string>().HasMaxLength(20);
        response.Property(r => r.Answer).HasMaxLength(FindingResponse.MaxAnswerLength);
        response.Property(r => r.AttachmentFileName).HasMaxLength(FindingResponse.MaxFileNameLength);
        response.Property(r => r.AttachmentContentType).HasMaxLength(100);
        response.Property(r => r.AttachmentStorageKey).HasMaxLength(100);
        response.Property(r => r.Closure).HasConversion<string>().HasMaxLength(20);
        response.Property(r => r.DecisionReason).HasMaxLength(FindingResponse.MaxReasonLength);
        response.Property(r => r.PenaltyTerm).HasConversion<string>().HasMaxLength(30);
        response.Property(r => r.PenaltyEuro).HasPrecision(14, 2);
        // One workflow per finding, whichever node or run opens it.
        response.HasIndex(r => r.FindingId).IsUnique();
        response.HasIndex(r => new { r.State, r.Deadline });
        response.HasOne<ContractFinding>().WithOne().HasForeignKey<FindingResponse>(r => r.FindingId).OnDelete(DeleteBehavior.Cascade);
        response.HasMany(r => r.Steps).WithOne().HasForeignKey(s => s.ResponseId).OnDelete(DeleteBehavior.Cascade);
        response.Navigation(r => r.Steps).UsePropertyAccessMode(PropertyAccessMode.Field);
        response.Ignore(r => r.IsDecided);
    }
}

internal sealed class FindingResponseStepConfiguration : IEntityTypeConfiguration<FindingResponseStep>
{
    public void Configure(EntityTypeBuilder<FindingResponseStep> step)
    {
        step.ToTable("FindingResponseSteps");
        step.HasKey(s => s.Id);
        step.Property(s => s.ByUserId).HasMaxLength(450);
        step.Property(s => s.ByName).HasMaxLength(200);
        step.Property(s => s.Kind).HasConversion<string>().HasMaxLength(20);
        step.Property(s => s.Detail).HasMaxLength(FindingResponseStep.MaxDetailLength);
        step.HasIndex(s => new { s.ResponseId, s.AtUtc });
    }
}
