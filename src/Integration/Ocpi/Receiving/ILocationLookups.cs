using Portal.Domain.ChargePoints;
using Portal.Domain.Common;
using Portal.Integration.Municipalities;

namespace Portal.Integration.Ocpi.Receiving;

/// <summary>
/// What storing a location reads: per object for a push (<see cref="PushLookups"/>), preloaded for a
/// whole page for a pull (<see cref="PageLookups"/>). What a step adds is remembered, so a location
/// that comes twice in one page is found the second time.
/// </summary>
public interface ILocationLookups
{
    Task<OcpiLocationSnapshot?> SnapshotAsync(string sourceId, CancellationToken ct);

    /// <summary>The row an earlier push or pull created, or else one an import brought in with the same OCPI key.</summary>
    Task<ChargeLocation?> ChargeLocationAsync(ChargeLocationDetails details, CancellationToken ct);

    /// <summary>The municipality whose boundary contains the point; <paramref name="likely"/> is tried first.</summary>
    Task<BoundedMunicipality?> MunicipalityContainingAsync(GeoPoint point, Guid? likely, CancellationToken ct);

    /// <summary>The latest status observation per EVSE uid, from <paramref name="oldest"/> on (older ones cannot decide).</summary>
    Task<Dictionary<string, LatestEvent>> LatestEventsAsync(string sourceId, DateTime oldest, CancellationToken ct);

    void Added(OcpiLocationSnapshot snapshot);

    void Added(ChargeLocation location);
}

/// <summary>The latest status observation of an EVSE: a new one is stored only when it differs or is newer.</summary>
public sealed record LatestEvent(string Status, DateTime OccurredAtUtc);
