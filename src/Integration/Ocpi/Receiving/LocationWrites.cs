using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.ChargePoints;
using Portal.Integration.Changes;
using Portal.Integration.Ocpi.Receiving.Bulk;
using Portal.Integration.Ocpi.Validation;
using Portal.Integration.Persistence;

namespace Portal.Integration.Ocpi.Receiving;

/// <summary>
/// What storing one push or one page writes, saved together in one transaction: the changes EF Core
/// tracks on rows that were read (an updated charge location or snapshot) go through SaveChanges; the
/// new rows (charge locations with their EVSEs and connectors, snapshots, EVSE versions, status events)
/// go in bulk past the change tracker (<see cref="IBulkWriter"/>), a few statements for a whole page.
/// Status events are appended; of the EVSE versions they refer to only those not stored yet are added.
/// Data-quality findings are written only for objects with deviations (or with findings to clear): new
/// ones in bulk, the rest read in one query per page; objects that came again unchanged touch theirs in
/// one statement. A valid object costs nothing here.
/// </summary>
public sealed class LocationWrites
{
    private readonly List<ChargeLocation> _locations = [];
    private readonly List<OcpiLocationSnapshot> _snapshots = [];
    private readonly List<EvseStatusEvent> _events = [];
    private readonly Dictionary<string, string> _versions = new(StringComparer.Ordinal);
    private readonly List<ObjectFlaws> _findings = [];
    private readonly List<(Guid Connection, string SourceId)> _seenAgain = [];
    private DateTime _seenAgainAtUtc;

    public int EventCount => _events.Count;

    /// <summary>
    /// When these writes come from a full pull: the snapshots it creates are inserted as listed then, so the
    /// pull's one update of what it listed concerns only the snapshots that existed before.
    /// </summary>
    public DateTime? ListedAtUtc { get; init; }

    /// <summary>A charge location new to the register, inserted with its EVSEs and connectors as they stand at save time.</summary>
    public void Added(ChargeLocation location)
    {
        ArgumentNullException.ThrowIfNull(location);
        _locations.Add(location);
    }

    /// <summary>A snapshot new to us, inserted as it stands at save time.</summary>
    public void Added(OcpiLocationSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        _snapshots.Add(snapshot);
    }

    public void Add(EvseStatusEvent statusEvent, string versionJson)
    {
        ArgumentNullException.ThrowIfNull(statusEvent);
        _events.Add(statusEvent);
        _versions.TryAdd(statusEvent.EvseVersionHash, versionJson);
    }

    /// <summary>The deviations a location now has (none: its findings are cleared).</summary>
    public void Findings(Guid connectionId, string sourceId, string locationId, IReadOnlyList<ObjectFlaw> flaws, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(flaws);
        _findings.RemoveAll(f => f.Connection == connectionId && f.SourceId == sourceId);
        _findings.Add(new ObjectFlaws(connectionId, sourceId, locationId, flaws, nowUtc));
    }

    /// <summary>A location came again unchanged, with the same deviations: its open findings were seen again.</summary>
    public void SeenAgain(Guid connectionId, string sourceId, DateTime nowUtc)
    {
        _seenAgain.Add((connectionId, sourceId));
        _seenAgainAtUtc = nowUtc;
    }

    /// <summary>
    /// Saves everything in one transaction (the caller's, when one is open). A row another writer stored
    /// first under the same key fails the save as a <see cref="DbUpdateException"/>, as SaveChanges would.
    /// </summary>
    public async Task SaveAsync(PortalDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var bulk = _locations.Count + _snapshots.Count + _events.Count + _findings.Count + _seenAgain.Count > 0;
        if (!bulk)
        {
            await db.SaveChangesAsync(ct);
            return;
        }
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            var newFindings = await MergeFindingsAsync(db, ct);
            await db.SaveChangesAsync(ct);
            var writer = BulkWriter.For(db);
            await writer.InsertAsync(newFindings, ct);
            await TouchSeenAgainAsync(db, ct);
            await InsertLocationsAsync(writer, ct);
            if (ListedAtUtc is { } listed)
                foreach (var snapshot in _snapshots)
                    snapshot.Listed(listed);
            await writer.InsertAsync(_snapshots, ct);
            await InsertVersionsAsync(db, writer, ct);
            await writer.InsertAsync(_events, ct);
        }
        catch (DbException e)
        {
            throw new DbUpdateException($"Storing OCPI locations failed: {e.Message}", e);
        }
        if (transaction is not null)
            await transaction.CommitAsync(ct);
        var written = new List<Type>(3);
        if (_locations.Count > 0)
            written.Add(typeof(ChargeLocation));
        if (_snapshots.Count > 0)
            written.Add(typeof(OcpiLocationSnapshot));
        if (_events.Count > 0)
            written.Add(typeof(EvseStatusEvent));
        ChangeSignalInterceptor.Wrote(db, written);
        _locations.Clear();
        _snapshots.Clear();
        _events.Clear();
        _versions.Clear();
        _findings.Clear();
        _seenAgain.Clear();
    }

    /// <summary>
    /// Upserts the findings of the locations with deviations (or findings to clear): the stored ones are read
    /// in one query per connection and updated through the change tracker; the new ones are returned for bulk.
    /// </summary>
    private async Task<List<DataQualityFinding>> MergeFindingsAsync(PortalDbContext db, CancellationToken ct)
    {
        var added = new List<DataQualityFinding>();
        foreach (var connection in _findings.GroupBy(f => f.Connection))
        {
            var ids = connection.Select(f => f.SourceId).Distinct(StringComparer.Ordinal).ToList();
            var stored = (await db.DataQualityFindings.Where(f => f.ConnectionId == connection.Key && ids.Contains(f.LocationSourceId)).ToListAsync(ct))
                .ToLookup(f => f.LocationSourceId, StringComparer.Ordinal);
            foreach (var location in connection)
            {
                var rows = stored[location.SourceId].ToList();
                foreach (var flaw in location.Flaws)
                {
                    var row = rows.Find(r => r.Rule == flaw.Rule && r.EvseUid == flaw.EvseUid && r.ConnectorId == flaw.ConnectorId);
                    if (row is null)
                    {
                        added.Add(DataQualityFinding.Open(connection.Key, location.SourceId, location.LocationId, flaw, location.AtUtc));
                        continue;
                    }
                    row.Seen(flaw, location.AtUtc);
                    rows.Remove(row);
                }
                foreach (var gone in rows)
                    gone.Clear(location.AtUtc);
            }
        }
        return added;
    }

    private async Task TouchSeenAgainAsync(PortalDbContext db, CancellationToken ct)
    {
        var now = _seenAgainAtUtc;
        foreach (var connection in _seenAgain.GroupBy(s => s.Connection))
        {
            var ids = connection.Select(s => s.SourceId).Distinct(StringComparer.Ordinal).ToList();
            await db.DataQualityFindings.Where(f => f.ConnectionId == connection.Key && ids.Contains(f.LocationSourceId) && f.ClearedAtUtc == null)
                .ExecuteUpdateAsync(s => s.SetProperty(f => f.LastSeenAtUtc, now).SetProperty(f => f.TimesSeen, f => f.TimesSeen + 1), ct);
        }
    }

    private sealed record ObjectFlaws(Guid Connection, string SourceId, string LocationId, IReadOnlyList<ObjectFlaw> Flaws, DateTime AtUtc);

    private async Task InsertLocationsAsync(IBulkWriter writer, CancellationToken ct)
    {
        if (_locations.Count == 0)
            return;
        await writer.InsertAsync(_locations, ct);
        // A new location's EVSEs are not tracked, so their foreign key is the location's id given here;
        // their generated ids come back for the connectors.
        var parents = new Dictionary<Evse, Guid>(ReferenceEqualityComparer.Instance);
        foreach (var location in _locations)
            foreach (var evse in location.Evses)
                parents[evse] = location.Id;
        if (parents.Count == 0)
            return;
        var evses = parents.Keys.ToList();
        var stored = await writer.InsertReturningAsync(evses, [nameof(Evse.Id), nameof(Evse.LocationId), nameof(Evse.Uid)], ct,
            valueOf: (evse, property) => property.Name == nameof(Evse.LocationId) ? parents[evse] : null);
        var ids = stored.ToDictionary(row => (GuidOf(row[1]), (string)row[2]), row => Convert.ToInt64(row[0], System.Globalization.CultureInfo.InvariantCulture));
        var connectors = new List<Connector>();
        var evseOf = new Dictionary<Connector, long>(ReferenceEqualityComparer.Instance);
        foreach (var evse in evses)
        {
            var id = ids[(parents[evse], evse.Uid)];
            foreach (var connector in evse.Connectors)
            {
                connectors.Add(connector);
                evseOf[connector] = id;
            }
        }
        await writer.InsertAsync(connectors, ct, (connector, property) => property.Name == nameof(Connector.EvseKey) ? evseOf[connector] : null);
    }

    private async Task InsertVersionsAsync(PortalDbContext db, IBulkWriter writer, CancellationToken ct)
    {
        if (_versions.Count == 0)
            return;
        var hashes = _versions.Keys.ToList();
        var known = await db.OcpiEvseVersions.AsNoTracking().Where(v => hashes.Contains(v.Hash)).Select(v => v.Hash).ToListAsync(ct);
        foreach (var hash in known)
            _versions.Remove(hash);
        // Another writer may store the same version meanwhile: a version is the same row whoever stores it.
        await writer.InsertMissingAsync(_versions.Select(v => OcpiEvseVersion.Create(v.Key, v.Value)).ToList(), ct);
    }

    private static Guid GuidOf(object value) => value switch
    {
        Guid guid => guid,
        string text => Guid.Parse(text, System.Globalization.CultureInfo.InvariantCulture),
        byte[] bytes => new Guid(bytes),
        _ => throw new InvalidOperationException($"A charge location id came back as {value.GetType().Name}."),
    };
}
