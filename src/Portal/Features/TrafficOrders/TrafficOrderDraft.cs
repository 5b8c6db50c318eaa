using Portal.Domain.TrafficOrders;

namespace Portal.Features.TrafficOrders;

/// <summary>
/// What an officer chooses to draft an order: where, what it is called, how it is prepared, which spots and which
/// board, and the published order it amends, if any (whose spots it may then take over).
/// </summary>
internal sealed record TrafficOrderDraft(Guid MunicipalityId, string? Title, TrafficOrderRoute Route, IReadOnlyList<Guid> SpotIds, SignBoard Board, Guid? AmendsOrderId = null);

/// <summary>The result of a step on an order: the order's id when it went through, otherwise why not in the reader's language.</summary>
internal sealed record TrafficOrderStep(Guid? OrderId, string? Error)
{
    public bool Succeeded => Error is null;
}
