using Hangfire;
using Portal.Features.TrafficOrders;

namespace Portal.Jobs;

/// <summary>
/// Once a day, just after midnight Dutch time: traffic orders whose objection (or appeal) term ended the day
/// before, with every objection decided, become final. Retried a few times: an order made final stays final.
/// </summary>
internal sealed class MakeTrafficOrdersFinalJob(TrafficOrderService orders)
{
    public const string Id = "traffic-orders-final";

    [JobDisplayName("Traffic orders: final after their term")]
    [AutomaticRetry(Attempts = 3)]
    [DisableConcurrentExecution(Id, 60)]
    public Task RunAsync(CancellationToken cancellationToken) => orders.MakeFinalWhereDueAsync(cancellationToken);
}
