namespace Portal.Domain.TrafficOrders;

/// <summary>What someone concerned sends in on an order.</summary>
public enum ObjectionKind
{
    /// <summary>A bezwaarschrift against a published order (direct route).</summary>
    Objection,

    /// <summary>A zienswijze on a draft order (public preparation).</summary>
    View,
}

/// <summary>The decision on an objection.</summary>
public enum ObjectionOutcome
{
    /// <summary>Niet-ontvankelijk: for instance late without excuse, or not from someone concerned.</summary>
    Inadmissible,

    /// <summary>Ongegrond: the order stands.</summary>
    Unfounded,

    /// <summary>Gegrond: the order is reconsidered.</summary>
    WellFounded,
}

/// <summary>What the decision on an objection means for the order.</summary>
public enum ObjectionConsequence
{
    /// <summary>The order stands (possibly with better reasons).</summary>
    Upheld,

    /// <summary>The order is changed, which takes a new order that amends this one.</summary>
    AmendedByNewOrder,

    /// <summary>The order is revoked.</summary>
    Revoked,
}
