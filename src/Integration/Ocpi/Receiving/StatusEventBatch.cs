using Microsoft.EntityFrameworkCore;
using Portal.Integration.Persistence;

namespace Portal.Integration.Ocpi.Receiving;

/// <summary>
/// Status events of one push or one page, written together: the events are appended, and of the EVSE
/// versions they refer to only those not stored yet are added (one query for the whole batch).
/// </summary>
public sealed class StatusEventBatch
{
    private readonly List<EvseStatusEvent> _events = [];
    private readonly Dictionary<string, string> _versions = new(StringComparer.Ordinal);

    public int Count => _events.Count;

    public void Add(EvseStatusEvent statusEvent, string versionJson)
    {
        ArgumentNullException.ThrowIfNull(statusEvent);
        _events.Add(statusEvent);
        _versions.TryAdd(statusEvent.EvseVersionHash, versionJson);
    }

    /// <summary>Adds the batch to the context; the caller's SaveChanges writes it.</summary>
    public async Task AddToAsync(PortalDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (_events.Count == 0)
            return;
        var hashes = _versions.Keys.ToList();
        var known = await db.OcpiEvseVersions.AsNoTracking().Where(v => hashes.Contains(v.Hash)).Select(v => v.Hash).ToListAsync(ct);
        foreach (var hash in known)
            _versions.Remove(hash);
        db.OcpiEvseVersions.AddRange(_versions.Select(v => OcpiEvseVersion.Create(v.Key, v.Value)));
        db.EvseStatusEvents.AddRange(_events);
        _events.Clear();
        _versions.Clear();
    }
}
