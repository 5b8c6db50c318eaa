using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Integration.Mail;

namespace Portal.Integration.Persistence.Configurations;

internal sealed class OutboxMailConfiguration : IEntityTypeConfiguration<OutboxMail>
{
    public void Configure(EntityTypeBuilder<OutboxMail> mail)
    {
        mail.ToTable("MailOutbox");
        mail.HasKey(m => m.Id);
        mail.Property(m => m.ToAddress).HasMaxLength(OutboxMail.MaxAddressLength).IsRequired();
        mail.Property(m => m.ToName).HasMaxLength(OutboxMail.MaxNameLength).IsRequired();
        mail.Property(m => m.Subject).HasMaxLength(OutboxMail.MaxSubjectLength).IsRequired();
        mail.Property(m => m.TextBody).IsRequired();
        mail.Property(m => m.DedupeKey).HasMaxLength(OutboxMail.MaxDedupeKeyLength);
        mail.HasIndex(m => m.DedupeKey).IsUnique();
        mail.Property(m => m.LastError).HasMaxLength(OutboxMail.MaxErrorLength);
        // The delivery job's query: what is still waiting, soonest first.
        mail.HasIndex(m => new { m.SentAtUtc, m.FailedPermanently, m.NextAttemptAtUtc });
        mail.HasIndex(m => m.CreatedAtUtc);
        mail.Ignore(m => m.State);
        mail.Ignore(m => m.Message);
    }
}
