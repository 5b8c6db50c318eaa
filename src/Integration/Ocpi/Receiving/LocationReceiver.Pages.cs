using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.ChargePoints;
using Portal.Domain.Common;
using Portal.Integration.Municipalities;
using Portal.Integration.Ocpi.Connections;
using Portal.Integration.Ocpi.Mapping;
using Portal.Integration.Persistence;

namespace Portal.Integration.Ocpi.Receiving;

/// <summary>
/// Pulled locations come a page at a time: the same path as a push, but what it reads is fetched
/// for the whole page in a few queries, and the page is saved as one.
/// </summary>
public sealed partial class LocationReceiver
{
    private PageLookups? _page;

    /// <summary>
    /// Stores a page of pulled Locations (see <see cref="ReceivePulledAsync"/>), one result per location
    /// in order. The caller clears the change tracker afterwards to keep memory bounded.
    /// </summary>
    public async Task<IReadOnlyList<ReceiveResult>> ReceivePulledPageAsync(OcpiConnection connection, IReadOnlyList<JsonObject> locations, EvseStatusSource source, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(locations);
        var sourceIds = locations
            .Select(l => Text(l["country_code"]) is { } cc && Text(l["party_id"]) is { } party && Text(l["id"]) is { } id ? new LocationTarget(cc, party, id).SourceId : null)
            .OfType<string>().Distinct().ToList();
        _page = await PageLookups.LoadAsync(db, sourceIds, await boundaries.AllAsync(ct), ct);
        try
        {
            var results = new List<ReceiveResult>(locations.Count);
            foreach (var location in locations)
                results.Add(await ReceivePulledAsync(connection, location, source, ct));
            await db.SaveChangesAsync(ct);
            changes.Raise();
            return results;
        }
        finally
        {
            _page = null;
        }
    }

    /// <summary>The latest status observation of an EVSE: a new one is stored only when it differs or is newer.</summary>
    private sealed record LatestEvent(string Status, DateTime OccurredAtUtc);

    private sealed class PageLookups
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

        public static async Task<PageLookups> LoadAsync(PortalDbContext db, List<string> sourceIds, IReadOnlyList<BoundedMunicipality> municipalities, CancellationToken ct)
        {
            var snapshots = await db.OcpiLocationSnapshots.Where(s => sourceIds.Contains(s.LocationSourceId)).ToDictionaryAsync(s => s.LocationSourceId, ct);
            // A location is the row an earlier push or pull created, or else the registry row an import
            // brought in under the same OCPI key (see FindExistingAsync).
            var rows = await db.ChargeLocations.Include(l => l.Evses).ThenInclude(e => e.Connectors).AsSplitQuery()
                .Where(l => (l.Source == OcpiLocationMapping.SourceName && sourceIds.Contains(l.SourceId)) || (l.OcpiKey != null && sourceIds.Contains(l.OcpiKey)))
                .ToListAsync(ct);
            var locations = rows
                .GroupBy(l => l.Source == OcpiLocationMapping.SourceName ? l.SourceId : l.OcpiKey!)
                .ToDictionary(g => g.Key, g => g.FirstOrDefault(l => l.Source == OcpiLocationMapping.SourceName) ?? g.OrderBy(l => l.ImportedAtUtc).First());
            // The latest observation per EVSE: the rows at its newest OccurredAtUtc (the index serves this).
            var latest = await db.EvseStatusEvents.AsNoTracking()
                .Where(e => sourceIds.Contains(e.LocationSourceId)
                    && e.OccurredAtUtc == db.EvseStatusEvents.Where(o => o.LocationSourceId == e.LocationSourceId && o.EvseUid == e.EvseUid).Max(o => o.OccurredAtUtc))
                .Select(e => new { e.LocationSourceId, e.EvseUid, e.Status, e.OccurredAtUtc, e.Id })
                .ToListAsync(ct);
            var events = latest.GroupBy(e => e.LocationSourceId).ToDictionary(
                g => g.Key,
                g => g.GroupBy(e => e.EvseUid, StringComparer.OrdinalIgnoreCase)
                    .ToDictionary(e => e.Key, e => e.OrderBy(x => x.Id).Select(x => new LatestEvent(x.Status, x.OccurredAtUtc)).Last(), StringComparer.OrdinalIgnoreCase));
            return new PageLookups(snapshots, locations, events, municipalities);
        }

        public OcpiLocationSnapshot? Snapshot(string sourceId) => _snapshots.GetValueOrDefault(sourceId);

        public ChargeLocation? ChargeLocation(string sourceId) => _locations.GetValueOrDefault(sourceId);

        public void Added(OcpiLocationSnapshot snapshot) => _snapshots[snapshot.LocationSourceId] = snapshot;

        public void Added(ChargeLocation location) => _locations[location.SourceId] = location;

        public Dictionary<string, LatestEvent> LatestEvents(string sourceId)
        {
            if (!_events.TryGetValue(sourceId, out var latest))
                _events[sourceId] = latest = new Dictionary<string, LatestEvent>(StringComparer.OrdinalIgnoreCase);
            return latest;
        }

        public BoundedMunicipality? MunicipalityContaining(GeoPoint point, Guid? likely) =>
            MunicipalityBoundaries.Containing(_municipalities, point.Latitude, point.Longitude, likely);
    }
}
