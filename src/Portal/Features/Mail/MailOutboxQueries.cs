using Microsoft.EntityFrameworkCore;
using Portal.Integration.Mail;
using Portal.Integration.Persistence;

namespace Portal.Features.Mail;

/// <summary>The administrator's view of the mail outbox: counts and a page of mails, newest first.</summary>
internal sealed class MailOutboxQueries(PortalDbContext db)
{
    public const int PageSize = 25;

    public async Task<MailOutboxCounts> CountsAsync(CancellationToken ct = default)
    {
        var waiting = await db.OutboxMails.CountAsync(m => m.SentAtUtc == null && !m.FailedPermanently, ct);
        var sent = await db.OutboxMails.CountAsync(m => m.SentAtUtc != null, ct);
        var failed = await db.OutboxMails.CountAsync(m => m.SentAtUtc == null && m.FailedPermanently, ct);
        return new MailOutboxCounts(waiting, sent, failed);
    }

    public async Task<MailOutboxList> ListAsync(OutboxMailState? state, int page, CancellationToken ct = default)
    {
        var query = db.OutboxMails.AsNoTracking();
        query = state switch
        {
            OutboxMailState.Waiting => query.Where(m => m.SentAtUtc == null && !m.FailedPermanently),
            OutboxMailState.Sent => query.Where(m => m.SentAtUtc != null),
            OutboxMailState.Failed => query.Where(m => m.SentAtUtc == null && m.FailedPermanently),
            _ => query,
        };
        var total = await query.CountAsync(ct);
        var pageCount = Math.Max(1, (int)Math.Ceiling(total / (double)PageSize));
        page = Math.Clamp(page, 1, pageCount);
        var rows = await query.OrderByDescending(m => m.CreatedAtUtc).ThenByDescending(m => m.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(m => new MailOutboxRow(m.Id, m.ToAddress, m.Subject, m.CreatedAtUtc, m.Attempts, m.NextAttemptAtUtc, m.SentAtUtc, m.FailedPermanently, m.LastError))
            .ToListAsync(ct);
        return new MailOutboxList(rows, total, page, pageCount);
    }
}

internal sealed record MailOutboxCounts(int Waiting, int Sent, int Failed);

internal sealed record MailOutboxList(IReadOnlyList<MailOutboxRow> Rows, int Total, int Page, int PageCount);

internal sealed record MailOutboxRow(Guid Id, string ToAddress, string Subject, DateTime CreatedAtUtc, int Attempts, DateTime NextAttemptAtUtc, DateTime? SentAtUtc, bool FailedPermanently, string? LastError)
{
    public OutboxMailState State => SentAtUtc is not null ? OutboxMailState.Sent : FailedPermanently ? OutboxMailState.Failed : OutboxMailState.Waiting;
}
