namespace Portal.Domain.TrafficOrders;

/// <summary>Where a traffic order stands.</summary>
public enum TrafficOrderStatus
{
    /// <summary>Being written; locations can still change.</summary>
    Draft,

    /// <summary>The police were consulted (BABW art. 24): date and answer recorded.</summary>
    PoliceConsulted,

    /// <summary>Public preparation only: the draft order is published and the term for views runs.</summary>
    DraftPublished,

    /// <summary>Public preparation only: views on the draft came in.</summary>
    ViewsReceived,

    /// <summary>The order was taken (by the college or under mandate), not yet published.</summary>
    Decided,

    /// <summary>Published in the official journal: the objection term (or, after public preparation, the appeal term) runs.</summary>
    Published,

    /// <summary>Direct route only: objections came in.</summary>
    ObjectionsReceived,

    /// <summary>The term lapsed without objection, or every objection was decided with the order standing.</summary>
    Final,

    /// <summary>Withdrawn before publication, or revoked after it (for instance on a well-founded objection).</summary>
    Withdrawn,
}
