using Hangfire;
using Portal.Features.Audits;

namespace Portal.Jobs;

/// <summary>
/// Working days: from the first working day of a month, the previous month's provisional audit runs (and the rolling 12
/// months and a contract year that ended), once per contract; and every day the provisional runs whose claims were decided since.
/// </summary>
internal sealed class RunMonthlyAuditsJob(AuditRunService audits)
{
    public const string Id = "monthly-audits";

    [JobDisplayName("Audits: compute last month's provisional runs, refresh runs after claim decisions")]
    [AutomaticRetry(Attempts = 3)]
    [DisableConcurrentExecution(Id, 60)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await audits.CloseMonthAsync(cancellationToken);
        await audits.RefreshDecidedAsync(cancellationToken);
    }
}
