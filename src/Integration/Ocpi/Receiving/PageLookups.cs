using Microsoft.EntityFrameworkCore;
using Portal.Domain.ChargePoints;
using Portal.Domain.Common;
using Portal.Integration.Municipalities;
using Portal.Integration.Ocpi.Mapping;
using Portal.Integration.Persistence;

namespace Portal.Integration.Ocpi.Receiving;

/// <summary>Lookups for a page of pulled locations: everything the page needs, read in a few queries up front.</summary>
public sealed class PageLookups : ILocationLookups
{
    private readonly Dictionary<string, OcpiLocationSnapshot> _snapshots;
    private readonly Dictionary<string, ChargeLocation> _locations;
    private readonly Dictionary<string, Dictionary<string, LatestEvent>> _events;
    private readonly IReadOnlyList<BoundedMunicipality> _municipalities;

    private PageLookups(
        Dictionary<string, OcpiLocationSnapshot> snapshots,
        Dictionary<string, ChargeLocation> locations,
        Dictionary<string, Dictionary<string, LatestEvent>> events,
        IReadOnlyList<BoundedMunicipality> municipalities)
    {
        _snapshots = snapshots;
        _locations = locations;
        _events = events;
        _municipalities = municipalities;
    }

    public static async Task<PageLookups> LoadAsync(PortalDbContext db, IReadOnlyCollection<string> sourceIds, IReadOnlyList<BoundedMunicipality> municipalities, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var ids = sourceIds.ToList();
        var snapshots = await db.OcpiLocationSnapshots.Where(s => ids.Contains(s.LocationSourceId)).ToDictionaryAsync(s => s.LocationSourceId, ct);
        // A location is the row an earlier push or pull created, or else the registry row an import
        // brought in under the same OCPI key (as PushLookups finds it).
        var rows = await db.ChargeLocations.Include(l => l.Evses).ThenInclude(e => e.Connectors).AsSplitQuery()
            .Where(l => (l.Source == OcpiLocationMapping.SourceName && ids.Contains(l.SourceId)) || (l.OcpiKey != null && ids.Contains(l.OcpiKey)))
            .ToListAsync(ct);
        var locations = rows
            .GroupBy(l => l.Source == OcpiLocationMapping.SourceName ? l.SourceId : l.OcpiKey!)
            .ToDictionary(g => g.Key, g => g.FirstOrDefault(l => l.Source == OcpiLocationMapping.SourceName) ?? g.OrderBy(l => l.ImportedAtUtc).First());
        // The latest observation per EVSE: the rows at its newest OccurredAtUtc (the index serves this).
        // A location new to us has none, so the query is left out when the page has no snapshot.
        var latest = snapshots.Count == 0 && locations.Count == 0
            ? []
            : await db.EvseStatusEvents.AsNoTracking()
                .Where(e => ids.Contains(e.LocationSourceId)
                    && e.OccurredAtUtc == db.EvseStatusEvents.Where(o => o.LocationSourceId == e.LocationSourceId && o.EvseUid == e.EvseUid).Max(o => o.OccurredAtUtc))
                .Select(e => new { e.LocationSourceId, e.EvseUid, e.Status, e.OccurredAtUtc, e.Id })
                .ToListAsync(ct);
        var events = latest.GroupBy(e => e.LocationSourceId).ToDictionary(
            g => g.Key,
            g => g.GroupBy(e => e.EvseUid, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(e => e.Key, e => e.OrderBy(x => x.Id).Select(x => new LatestEvent(x.Status, x.OccurredAtUtc)).Last(), StringComparer.OrdinalIgnoreCase));
        return new PageLookups(snapshots, locations, events, municipalities);
    }

    public Task<OcpiLocationSnapshot?> SnapshotAsync(string sourceId, CancellationToken ct) => Task.FromResult(_snapshots.GetValueOrDefault(sourceId));

    public Task<ChargeLocation?> ChargeLocationAsync(ChargeLocationDetails details, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(details);
        var key = details.Source == OcpiLocationMapping.SourceName ? ChargeLocation.KeyOf(details.OperatorPartyId, details.OcpiLocationId) ?? details.SourceId : details.SourceId;
        return Task.FromResult(_locations.GetValueOrDefault(key));
    }

    public Task<BoundedMunicipality?> MunicipalityContainingAsync(GeoPoint point, Guid? likely, CancellationToken ct) =>
        Task.FromResult(MunicipalityBoundaries.Containing(_municipalities, point.Latitude, point.Longitude, likely));

    public Task<Dictionary<string, LatestEvent>> LatestEventsAsync(string sourceId, DateTime oldest, CancellationToken ct)
    {
        if (!_events.TryGetValue(sourceId, out var latest))
            _events[sourceId] = latest = new Dictionary<string, LatestEvent>(StringComparer.OrdinalIgnoreCase);
        return Task.FromResult(latest);
    }

    public void Added(OcpiLocationSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        _snapshots[snapshot.LocationSourceId] = snapshot;
    }

    public void Added(ChargeLocation location)
    {
        ArgumentNullException.ThrowIfNull(location);
        _locations[location.SourceId] = location;
    }
}
