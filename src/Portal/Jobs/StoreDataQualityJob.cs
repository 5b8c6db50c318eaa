using Hangfire;
using Portal.Features.DataQuality;

namespace Portal.Jobs;

/// <summary>Nightly: stores each operator's data-quality KPIs of the month that is over, once, with the contract findings (<see cref="DataQualityMonthClose"/>).</summary>
internal sealed class StoreDataQualityJob(DataQualityMonthClose monthClose)
{
    public const string Id = "data-quality-month";

    [JobDisplayName("Data quality: store the last month per CPO")]
    [AutomaticRetry(Attempts = 3)]
    [DisableConcurrentExecution(Id, 60)]
    public Task RunAsync(CancellationToken cancellationToken) => monthClose.RunAsync(cancellationToken);
}
