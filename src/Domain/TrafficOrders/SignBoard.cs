namespace Portal.Domain.TrafficOrders;

/// <summary>
/// The RVV board that, with the sub-sign "opladen van elektrische voertuigen", makes a bay enforceable
/// for charging (BABW art. 8(2)(d)): E4 (parking place) or E8 (parking for a vehicle group).
/// </summary>
public enum SignBoard
{
    E4,
    E8,
}
