namespace Portal.Domain.TrafficOrders;

/// <summary>
/// Which status changes each route allows. The direct route: draft, police consulted, decided,
/// published, objections, final. Public preparation: draft, police consulted, draft published, views,
/// decided, published (appeal term), final. A late objection (Awb 6:11) can reopen a final order of the
/// direct route. An order can be withdrawn at any open step; a published order is never edited, only
/// amended by a new order.
/// </summary>
public static class TrafficOrderStatusRule
{
    private static readonly Dictionary<TrafficOrderStatus, TrafficOrderStatus[]> Direct = new()
    {
        [TrafficOrderStatus.Draft] = [TrafficOrderStatus.PoliceConsulted, TrafficOrderStatus.Withdrawn],
        [TrafficOrderStatus.PoliceConsulted] = [TrafficOrderStatus.Decided, TrafficOrderStatus.Withdrawn],
        [TrafficOrderStatus.Decided] = [TrafficOrderStatus.Published, TrafficOrderStatus.Withdrawn],
        [TrafficOrderStatus.Published] = [TrafficOrderStatus.ObjectionsReceived, TrafficOrderStatus.Final, TrafficOrderStatus.Withdrawn],
        [TrafficOrderStatus.ObjectionsReceived] = [TrafficOrderStatus.Final, TrafficOrderStatus.Withdrawn],
        [TrafficOrderStatus.Final] = [TrafficOrderStatus.ObjectionsReceived, TrafficOrderStatus.Withdrawn],
        [TrafficOrderStatus.Withdrawn] = [],
    };

    private static readonly Dictionary<TrafficOrderStatus, TrafficOrderStatus[]> PublicPreparation = new()
    {
        [TrafficOrderStatus.Draft] = [TrafficOrderStatus.PoliceConsulted, TrafficOrderStatus.Withdrawn],
        [TrafficOrderStatus.PoliceConsulted] = [TrafficOrderStatus.DraftPublished, TrafficOrderStatus.Withdrawn],
        [TrafficOrderStatus.DraftPublished] = [TrafficOrderStatus.ViewsReceived, TrafficOrderStatus.Decided, TrafficOrderStatus.Withdrawn],
        [TrafficOrderStatus.ViewsReceived] = [TrafficOrderStatus.Decided, TrafficOrderStatus.Withdrawn],
        [TrafficOrderStatus.Decided] = [TrafficOrderStatus.Published, TrafficOrderStatus.Withdrawn],
        [TrafficOrderStatus.Published] = [TrafficOrderStatus.Final, TrafficOrderStatus.Withdrawn],
        [TrafficOrderStatus.Final] = [TrafficOrderStatus.Withdrawn],
        [TrafficOrderStatus.Withdrawn] = [],
    };

    public static bool CanMove(TrafficOrderRoute route, TrafficOrderStatus from, TrafficOrderStatus to) =>
        Table(route).TryGetValue(from, out var next) && next.Contains(to);

    public static IReadOnlyList<TrafficOrderStatus> NextFrom(TrafficOrderRoute route, TrafficOrderStatus from) =>
        Table(route).TryGetValue(from, out var next) ? next : [];

    private static Dictionary<TrafficOrderStatus, TrafficOrderStatus[]> Table(TrafficOrderRoute route) =>
        route == TrafficOrderRoute.Direct ? Direct : PublicPreparation;
}
