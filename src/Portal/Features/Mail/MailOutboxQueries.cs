using Microsoft.EntityFrameworkCore;
using Portal.Components.BackOffice;
using Portal.Integration.Mail;
using Portal.Integration.Persistence;

namespace Portal.Features.Mail;

/// <summary>The administrator's view of the mail outbox: counts and a page of mails.</summary>
internal sealed class MailOutboxQueries(PortalDbContext db)
{
    public async Task<MailOutboxCounts> CountsAsync(CancellationToken ct = default)
    {
        var waiting = await db.OutboxMails.CountAsync(m => m.SentAtUtc == null && !m.FailedPermanently, ct);
        var sent = await db.OutboxMails.CountAsync(m => m.SentAtUtc != null, ct);
        var failed = await db.OutboxMails.CountAsync(m => m.SentAtUtc == null && m.FailedPermanently, ct);
        return new MailOutboxCounts(waiting, sent, failed);
    }

    /// <summary>
    /// One page of the outbox, newest first unless another column is asked for; optionally only the
    /// mails in one state; quick search on the recipient's address and the subject.
    /// </summary>
    public async Task<GridPage<MailOutboxRow>> MailAsync(GridQuery grid, OutboxMailState? state, CancellationToken ct = default)
    {
        var query = db.OutboxMails.AsNoTracking();
        query = state switch
        {
            OutboxMailState.Waiting => query.Where(m => m.SentAtUtc == null && !m.FailedPermanently),
            OutboxMailState.Sent => query.Where(m => m.SentAtUtc != null),
            OutboxMailState.Failed => query.Where(m => m.SentAtUtc == null && m.FailedPermanently),
            _ => query,
        };
#pragma warning disable CA1304 // runs in the database: EF Core translates ToLower() to SQL lower()
        if (grid.Search is { } search)
        {
            var pattern = SearchPattern.Contains(search);
            query = query.Where(m => EF.Functions.Like(m.ToAddress.ToLower(), pattern, SearchPattern.Escape) || EF.Functions.Like(m.Subject.ToLower(), pattern, SearchPattern.Escape));
        }
#pragma warning restore CA1304
        var total = await query.CountAsync(ct);
        query = (grid.SortKey, grid.Descending) switch
        {
            ("createdatutc", false) => query.OrderBy(m => m.CreatedAtUtc).ThenBy(m => m.Id),
            ("toaddress", false) => query.OrderBy(m => m.ToAddress).ThenByDescending(m => m.CreatedAtUtc).ThenBy(m => m.Id),
            ("toaddress", true) => query.OrderByDescending(m => m.ToAddress).ThenByDescending(m => m.CreatedAtUtc).ThenBy(m => m.Id),
            ("subject", false) => query.OrderBy(m => m.Subject).ThenByDescending(m => m.CreatedAtUtc).ThenBy(m => m.Id),
            ("subject", true) => query.OrderByDescending(m => m.Subject).ThenByDescending(m => m.CreatedAtUtc).ThenBy(m => m.Id),
            ("attempts", false) => query.OrderBy(m => m.Attempts).ThenByDescending(m => m.CreatedAtUtc).ThenBy(m => m.Id),
            ("attempts", true) => query.OrderByDescending(m => m.Attempts).ThenByDescending(m => m.CreatedAtUtc).ThenBy(m => m.Id),
            _ => query.OrderByDescending(m => m.CreatedAtUtc).ThenByDescending(m => m.Id),
        };
        var rows = await query.Skip(grid.Skip).Take(grid.PageSize)
            .Select(m => new MailOutboxRow(m.Id, m.ToAddress, m.Subject, m.CreatedAtUtc, m.Attempts, m.NextAttemptAtUtc, m.SentAtUtc, m.FailedPermanently, m.LastError))
            .ToListAsync(ct);
        return new GridPage<MailOutboxRow>(rows, total);
    }
}

internal sealed record MailOutboxCounts(int Waiting, int Sent, int Failed);

internal sealed record MailOutboxRow(Guid Id, string ToAddress, string Subject, DateTime CreatedAtUtc, int Attempts, DateTime NextAttemptAtUtc, DateTime? SentAtUtc, bool FailedPermanently, string? LastError)
{
    public OutboxMailState State => SentAtUtc is not null ? OutboxMailState.Sent : FailedPermanently ? OutboxMailState.Failed : OutboxMailState.Waiting;
}
