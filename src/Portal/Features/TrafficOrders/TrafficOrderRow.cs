using Portal.Domain.TrafficOrders;

namespace Portal.Features.TrafficOrders;

/// <summary>One order in the officer's overview, with the nearest day something must happen by (null when no term runs).</summary>
public sealed record TrafficOrderRow(Guid Id, string Reference, string Title, TrafficOrderRoute Route, TrafficOrderStatus Status,
    int Locations, DateOnly? NextDeadline, TrafficOrderDeadline? DeadlineKind, DateTime UpdatedAtUtc);

/// <summary>What the nearest day of an order is the last day of.</summary>
public enum TrafficOrderDeadline
{
    /// <summary>Views on the draft (public preparation).</summary>
    Views,

    /// <summary>Objections to the published order (direct route).</summary>
    Objections,

    /// <summary>Appeal to court against the final order (public preparation).</summary>
    Appeal,

    /// <summary>Deciding an objection (Awb 7:10).</summary>
    ObjectionDecision,
}

/// <summary>A spot an order can reserve, as the drafting page lists it.</summary>
public sealed record OrderableSpot(Guid Id, string Address, double Latitude, double Longitude, double RdX, double RdY, int Bays,
    Domain.Spots.SpotStatus Status, string? ApplicationReference);

/// <summary>A published or final order an officer amends with a new order, and its spots.</summary>
public sealed record AmendedOrder(Guid Id, Guid MunicipalityId, string Reference, string Title, TrafficOrderRoute Route, SignBoard Board, IReadOnlyList<OrderableSpot> Spots);
