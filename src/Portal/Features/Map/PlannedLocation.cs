using Portal.Domain.Geography;

namespace Portal.Features.Map;

/// <summary>
/// A charging location a published traffic order plans: where, under which order, and until when objection
/// (or appeal) is possible: null once that term lapsed, while objections are still being decided or once the
/// order is final; <c>OrderPath</c> is the order's public page. Nothing personal: the street and the nearest house number.
/// </summary>
internal sealed record PlannedLocation(Guid SpotId, string Label, Guid MunicipalityId, string OrderReference, string OrderPath, bool IsFinal, DateOnly? ObjectionUntil, Coordinate Position)
{
    /// <summary>The layer's status: <see cref="PlannedLayerStatus"/>.</summary>
    public string State => IsFinal ? PlannedLayerStatus.Final : ObjectionUntil is null ? PlannedLayerStatus.Pending : PlannedLayerStatus.Open;
}

/// <summary>The statuses of the planned-locations layer, as map.js, the legend and the list know them.</summary>
internal static class PlannedLayerStatus
{
    /// <summary>Objection (or appeal) possible until a day.</summary>
    public const string Open = "order-open";

    /// <summary>The term lapsed; objections are being decided.</summary>
    public const string Pending = "order-pending";

    /// <summary>The order is final.</summary>
    public const string Final = "order-final";
}

/// <summary>Where the map's public layer of planned locations comes from; the traffic-order feature provides it.</summary>
internal interface IPlannedLocations
{
    Task<IReadOnlyList<PlannedLocation>> LoadAsync(CancellationToken ct);
}
