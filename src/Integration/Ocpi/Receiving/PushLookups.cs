using Microsoft.EntityFrameworkCore;
using Portal.Domain.ChargePoints;
using Portal.Domain.Common;
using Portal.Integration.Municipalities;
using Portal.Integration.Persistence;

namespace Portal.Integration.Ocpi.Receiving;

/// <summary>Lookups for one pushed object: each a query of its own.</summary>
public sealed class PushLookups(PortalDbContext db, MunicipalityBoundaries boundaries) : ILocationLookups
{
    private readonly Dictionary<string, Dictionary<string, LatestEvent>> _events = new(StringComparer.Ordinal);

    public Task<OcpiLocationSnapshot?> SnapshotAsync(string sourceId, CancellationToken ct) =>
        db.OcpiLocationSnapshots.FirstOrDefaultAsync(s => s.LocationSourceId == sourceId, ct);

    public async Task<ChargeLocation?> ChargeLocationAsync(ChargeLocationDetails details, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(details);
        var key = ChargeLocation.KeyOf(details.OperatorPartyId, details.OcpiLocationId) ?? details.SourceId;
        var candidates = await db.ChargeLocations.Include(l => l.Evses).ThenInclude(e => e.Connectors)
            .Where(l => (l.Source == details.Source && l.SourceId == details.SourceId) || l.OcpiKey == key)
            .ToListAsync(ct);
        return candidates.FirstOrDefault(l => l.Source == details.Source) ?? candidates.OrderBy(l => l.ImportedAtUtc).FirstOrDefault();
    }

    public Task<BoundedMunicipality?> MunicipalityContainingAsync(GeoPoint point, Guid? likely, CancellationToken ct) =>
        boundaries.ContainingAsync(point.Latitude, point.Longitude, likely, ct);

    public async Task<Dictionary<string, LatestEvent>> LatestEventsAsync(string sourceId, DateTime oldest, CancellationToken ct)
    {
        if (_events.TryGetValue(sourceId, out var known))
            return known;
        var latest = (await db.EvseStatusEvents.AsNoTracking()
                .Where(e => e.LocationSourceId == sourceId && e.OccurredAtUtc >= oldest)
                .Select(e => new { e.EvseUid, e.Status, e.OccurredAtUtc, e.Id })
                .ToListAsync(ct))
            .GroupBy(e => e.EvseUid, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.OrderBy(e => e.OccurredAtUtc).ThenBy(e => e.Id).Select(e => new LatestEvent(e.Status, e.OccurredAtUtc)).Last(), StringComparer.OrdinalIgnoreCase);
        _events[sourceId] = latest;
        return latest;
    }

    public void Added(OcpiLocationSnapshot snapshot)
    {
    }

    public void Added(ChargeLocation location)
    {
    }
}
