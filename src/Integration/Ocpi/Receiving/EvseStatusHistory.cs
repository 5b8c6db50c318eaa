using Microsoft.EntityFrameworkCore;
using Portal.Domain.ChargePoints;
using Portal.Integration.Persistence;

namespace Portal.Integration.Ocpi.Receiving;

/// <summary>A stored status as read back: which EVSE, the status, t_evt and t_rcv.</summary>
public sealed record StoredStatus(string LocationSourceId, string EvseUid, string Status, DateTime OccurredAtUtc, DateTime ReceivedAtUtc);

/// <summary>Reads of the append-only status events that more than one report needs.</summary>
public static class EvseStatusHistory
{
    /// <summary>
    /// Per EVSE of <paramref name="locations"/>, the last event whose t_evt lies before <paramref name="beforeUtc"/>: the
    /// status it entered a period in. Of two events at that last moment the one received last holds, as in the timeline.
    /// </summary>
    public static async Task<Dictionary<(string Source, string Uid), StoredStatus>> LastBeforeAsync(PortalDbContext db, IQueryable<ChargeLocation> locations,
        DateTime beforeUtc, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var before = from e in db.EvseStatusEvents.AsNoTracking()
                     join l in locations on e.LocationSourceId equals l.SourceId
                     where e.OccurredAtUtc < beforeUtc
                     select e;
        var latest = await (
            from e in before
            where e.OccurredAtUtc == before.Where(x => x.LocationSourceId == e.LocationSourceId && x.EvseUid == e.EvseUid).Max(x => x.OccurredAtUtc)
            select new StoredStatus(e.LocationSourceId, e.EvseUid, e.Status, e.OccurredAtUtc, e.ReceivedAtUtc))
            .ToListAsync(ct);
        return latest.GroupBy(e => (e.LocationSourceId, e.EvseUid)).ToDictionary(g => g.Key, g => g.OrderBy(e => e.ReceivedAtUtc).Last());
    }
}
