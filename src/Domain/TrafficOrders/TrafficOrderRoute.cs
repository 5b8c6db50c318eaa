namespace Portal.Domain.TrafficOrders;

/// <summary>How an order is prepared, chosen per order.</summary>
public enum TrafficOrderRoute
{
    /// <summary>Decided and published; six weeks for objections (Awb 6:7), each decided on.</summary>
    Direct,

    /// <summary>
    /// Public preparation (Awb 3.4): a draft is published, six weeks for views, then the final order;
    /// no objection stage follows, appeal goes to court directly (Awb 7:1(1)(d)).
    /// </summary>
    PublicPreparation,
}
