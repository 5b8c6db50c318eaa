using Portal.Domain.ChargePoints;

namespace Portal.Features.Map;

/// <summary>
/// What the map shows of one feature: nothing personal, just enough to draw and label it. A planned location
/// also names its traffic order and the last day objection is possible (none once the order is final).
/// </summary>
internal sealed record MapItem(Guid Id, string Label, string Status, int? EvseCount, LocationStatus? Availability,
    string? OrderReference = null, DateOnly? ObjectionUntil = null, string? OrderPath = null);
