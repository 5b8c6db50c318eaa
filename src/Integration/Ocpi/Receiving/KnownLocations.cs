using Portal.Domain.ChargePoints;

namespace Portal.Integration.Ocpi.Receiving;

/// <summary>
/// The last state the status writer stored or read per location (<see cref="EvseStatusPatchStore"/>), so a
/// PATCH does not read the whole snapshot again. Every write is still checked against the stored snapshot,
/// so a location another writer changed is read again; an entry is also read again after
/// <see cref="Lifetime"/>. Used by the writer's one loop only.
/// </summary>
internal sealed class KnownLocations
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);

    /// <summary>Enough for the locations of a busy hour; past it the cache starts empty again rather than grow.</summary>
    private const int MaxEntries = 20_000;

    private readonly Dictionary<string, KnownLocation> _locations = new(StringComparer.Ordinal);

    public KnownLocation? Find(string sourceId, DateTime nowUtc)
    {
        if (!_locations.TryGetValue(sourceId, out var known))
            return null;
        if (nowUtc - known.LoadedAtUtc < Lifetime)
            return known;
        _locations.Remove(sourceId);
        return null;
    }

    public void Remember(KnownLocation location)
    {
        if (_locations.Count >= MaxEntries && !_locations.ContainsKey(location.SourceId))
            _locations.Clear();
        _locations[location.SourceId] = location;
    }

    public void Forget(string sourceId) => _locations.Remove(sourceId);
}

/// <summary>A location's snapshot (UTF-8), its charge location and EVSE rows, and the EVSEs' latest status events as far as read.</summary>
internal sealed record KnownLocation(string SourceId, byte[] Json, Guid ChargeLocationId, Guid MunicipalityId, double Latitude, double Longitude,
    IReadOnlyList<KnownEvse> Evses, Dictionary<string, LatestEvent?> LatestEvents, DateTime LoadedAtUtc);

internal sealed record KnownEvse(long Id, string Uid, EvseStatus Status, DateTime? LastUpdatedUtc)
{
    public EvseStatus Status { get; set; } = Status;
    public DateTime? LastUpdatedUtc { get; set; } = LastUpdatedUtc;

    /// <summary>Changed by the batch being applied.</summary>
    public bool Touched { get; set; }
}
