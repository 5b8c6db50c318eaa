using Hangfire;
using Portal.Features.Applications;

namespace Portal.Jobs;

/// <summary>
/// Once a day (at night): remove personal data of applications closed longer than the retention period (see
/// <see cref="ApplicationRetention"/>). Retried a few times: what was removed stays removed, a retry does the rest.
/// </summary>
internal sealed class RemovePersonalDataJob(ApplicationRetention retention)
{
    public const string Id = "retention";

    [JobDisplayName("Retention clean-up")]
    [AutomaticRetry(Attempts = 3)]
    [DisableConcurrentExecution(Id, 60)]
    public Task RunAsync(CancellationToken cancellationToken) => retention.RunAsync(cancellationToken);
}
