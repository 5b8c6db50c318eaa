namespace Portal.Domain.TrafficOrders;

/// <summary>
/// What an amending order does to the spots of the order it amends, once it is published: the spots it takes
/// over stay reserved (now by both), the spots it leaves out are released, and its other spots are new. A
/// published order is never edited in place; this is the only way its locations change.
/// </summary>
public sealed record TrafficOrderAmendment(IReadOnlySet<Guid> TakenOver, IReadOnlySet<Guid> Released, IReadOnlySet<Guid> Added)
{
    /// <summary>Orders that can be amended: published, with or without objections, or final. A draft is changed as a draft.</summary>
    public static bool CanBeAmended(TrafficOrderStatus status) =>
        status is TrafficOrderStatus.Published or TrafficOrderStatus.ObjectionsReceived or TrafficOrderStatus.Final;

    public static TrafficOrderAmendment Of(TrafficOrder amended, TrafficOrder amending)
    {
        if (amending.AmendsOrderId != amended.Id)
            throw new ArgumentException($"Order {amending.Reference} does not amend order {amended.Reference}.", nameof(amending));
        var before = amended.Locations.Select(l => l.SpotId).ToHashSet();
        var after = amending.Locations.Select(l => l.SpotId).ToHashSet();
        return new TrafficOrderAmendment(
            before.Intersect(after).ToHashSet(),
            before.Except(after).ToHashSet(),
            after.Except(before).ToHashSet());
    }
}
