using Microsoft.EntityFrameworkCore;
using Portal.Integration.Persistence;

namespace Portal.Integration.Mail;

/// <summary>
/// Puts mail in the outbox of the caller's (scoped) <see cref="PortalDbContext"/> without saving,
/// so the mail is committed together with the change it reports, or not at all.
/// </summary>
public sealed class MailOutbox(PortalDbContext db, TimeProvider clock)
{
    /// <summary>
    /// Adds the mail; false when a mail with the same <paramref name="dedupeKey"/> is already in the
    /// outbox (saved or pending in this context). A unique index backs this up against a race.
    /// </summary>
    public async Task<bool> EnqueueAsync(OutgoingMail mail, string? dedupeKey = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(mail);
        if (dedupeKey is not null)
        {
            dedupeKey = OutboxMail.Limit(dedupeKey.Trim(), OutboxMail.MaxDedupeKeyLength);
            if (db.OutboxMails.Local.Any(m => m.DedupeKey == dedupeKey)
                || await db.OutboxMails.AnyAsync(m => m.DedupeKey == dedupeKey, ct))
                return false;
        }
        db.OutboxMails.Add(OutboxMail.For(mail, dedupeKey, clock.GetUtcNow().UtcDateTime));
        return true;
    }
}
