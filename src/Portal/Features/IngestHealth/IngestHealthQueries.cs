using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Domain.Audits.IngestHealth;
using Portal.Integration.Persistence;

namespace Portal.Features.IngestHealth;

/// <summary>The portal-side outages of one connection over the last days: heartbeat gaps and failed pulls and pushes, merged (<see cref="UnmeasuredTime"/>).</summary>
internal sealed class IngestHealthQueries(PortalDbContext db, IOptions<IngestHealthOptions> options, TimeProvider clock)
{
    public const int Days = 30;

    public async Task<IReadOnlyList<UnmeasuredInterval>> OutagesAsync(Guid connectionId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var from = now.AddDays(-Days);
        var gap = TimeSpan.FromSeconds(options.Value.IngestHeartbeatGapSeconds);
        // The stretch before the period is read too: a gap that began before the period shows from the period's start.
        var beats = await db.IngestHeartbeats.AsNoTracking().Where(h => h.ToUtc >= from.Add(-gap))
            .Select(h => new IngestStretch(h.FromUtc, h.ToUtc)).ToListAsync(ct);
        var failures = await db.IngestFailures.AsNoTracking().Where(f => f.UntilUtc >= from && (f.ConnectionId == null || f.ConnectionId == connectionId))
            .Select(f => new IngestFailureStretch(f.ConnectionId, f.Kind, f.FromUtc, f.UntilUtc)).ToListAsync(ct);
        return UnmeasuredTime.Of(connectionId, from, now, now, gap, beats, failures).OrderByDescending(i => i.FromUtc).ToList();
    }
}
