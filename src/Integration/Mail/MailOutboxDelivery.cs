using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Integration.Persistence;

namespace Portal.Integration.Mail;

/// <summary>What one delivery run did.</summary>
public sealed record MailDeliveryReport(int Sent, int Retrying, int Failed);

/// <summary>
/// Sends the mails that are due. Each row is claimed with a conditional UPDATE before it is sent,
/// so of several nodes running this at once exactly one sends a given mail. A node that dies
/// between sending and recording it leaves the claim to expire and the mail is sent again: the
/// outbox gives at-least-once delivery, never a lost mail.
/// </summary>
public sealed class MailOutboxDelivery(PortalDbContext db, IMailSender sender, IOptions<MailOutboxOptions> options, TimeProvider clock, ILogger<MailOutboxDelivery> logger)
{
    public async Task<MailDeliveryReport> DeliverDueAsync(CancellationToken ct = default)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.OutboxMails.AsNoTracking()
            .Where(m => m.SentAtUtc == null && !m.FailedPermanently && m.NextAttemptAtUtc <= now && (m.ClaimedUntilUtc == null || m.ClaimedUntilUtc < now))
            .OrderBy(m => m.NextAttemptAtUtc)
            .Take(Math.Max(1, settings.BatchSize))
            .Select(m => m.Id)
            .ToListAsync(ct);

        int sent = 0, retrying = 0, failed = 0;
        foreach (var id in due)
        {
            ct.ThrowIfCancellationRequested();
            now = clock.GetUtcNow().UtcDateTime;
            var claimedUntil = now.AddSeconds(Math.Max(10, settings.ClaimSeconds));
            var claimed = await db.OutboxMails
                .Where(m => m.Id == id && m.SentAtUtc == null && !m.FailedPermanently && (m.ClaimedUntilUtc == null || m.ClaimedUntilUtc < now))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedUntilUtc, claimedUntil), ct);
            if (claimed == 0)
                continue;   // another node took it

            var mail = await db.OutboxMails.AsNoTracking().SingleAsync(m => m.Id == id, ct);
            try
            {
                await sender.SendAsync(mail.Message, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                var attempts = mail.Attempts + 1;
                var giveUp = attempts >= Math.Max(1, settings.MaxAttempts);
                var next = clock.GetUtcNow().UtcDateTime + settings.RetryDelay(attempts);
                var error = OutboxMail.Limit($"{e.GetType().Name}: {e.Message}", OutboxMail.MaxErrorLength);
                await db.OutboxMails.Where(m => m.Id == id).ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.Attempts, attempts)
                    .SetProperty(m => m.NextAttemptAtUtc, next)
                    .SetProperty(m => m.LastError, error)
                    .SetProperty(m => m.FailedPermanently, giveUp)
                    .SetProperty(m => m.ClaimedUntilUtc, (DateTime?)null), CancellationToken.None);
                if (giveUp)
                {
                    failed++;
                    logger.LogError(e, "Mail {MailId} to {Subject} failed for good after {Attempts} attempts", id, mail.Subject, attempts);
                }
                else
                {
                    retrying++;
                    logger.LogWarning(e, "Mail {MailId} failed (attempt {Attempts}); next attempt at {Next:o}", id, attempts, next);
                }
                continue;
            }

            var sentAt = clock.GetUtcNow().UtcDateTime;
            // Not cancellable: the mail has gone out, and forgetting that would send it again.
            await db.OutboxMails.Where(m => m.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.SentAtUtc, sentAt)
                .SetProperty(m => m.Attempts, mail.Attempts + 1)
                .SetProperty(m => m.ClaimedUntilUtc, (DateTime?)null), CancellationToken.None);
            sent++;
        }
        return new MailDeliveryReport(sent, retrying, failed);
    }

    /// <summary>Puts a failed mail back in the queue, due now, with a fresh set of attempts.</summary>
    public async Task<bool> RetryAsync(Guid id, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.OutboxMails.Where(m => m.Id == id && m.FailedPermanently && m.SentAtUtc == null)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.FailedPermanently, false)
                .SetProperty(m => m.Attempts, 0)
                .SetProperty(m => m.NextAttemptAtUtc, now)
                .SetProperty(m => m.ClaimedUntilUtc, (DateTime?)null), ct) == 1;
    }
}
