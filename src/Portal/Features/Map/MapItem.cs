using Portal.Domain.ChargePoints;

namespace Portal.Features.Map;

/// <summary>What the map shows of one feature: nothing personal, just enough to draw and label it.</summary>
internal sealed record MapItem(Guid Id, string Label, string Status, int? EvseCount, LocationStatus? Availability);
