using Hangfire;
using Portal.Features.Findings;

namespace Portal.Jobs;

/// <summary>
/// Every morning, after the contract checks: findings get their workflow, those past their deadline unanswered are
/// marked overdue, and CPOs are reminded two working days before a deadline (see <see cref="FindingDeadlines"/>). Each
/// is done once, so a retry is safe.
/// </summary>
internal sealed class FindingDeadlinesJob(FindingDeadlines deadlines)
{
    public const string Id = "finding-deadlines";

    [JobDisplayName("Findings: deadlines, overdue marks and reminders")]
    [AutomaticRetry(Attempts = 3)]
    [DisableConcurrentExecution(Id, 60)]
    public Task RunAsync(CancellationToken cancellationToken) => deadlines.RunAsync(cancellationToken);
}
