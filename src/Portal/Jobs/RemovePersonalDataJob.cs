using Hangfire;
using Portal.Features.Applications;
using Portal.Features.Faults;

namespace Portal.Jobs;

/// <summary>
/// Once a day (at night): remove personal data of applications closed longer than the retention period (see
/// <see cref="ApplicationRetention"/>), and reporters' e-mail addresses of fault reports resolved longer ago than
/// <c>Faults:EmailRetentionDays</c>. Retried a few times: what was removed stays removed, a retry does the rest.
/// </summary>
internal sealed class RemovePersonalDataJob(ApplicationRetention retention, FaultReportService faults)
{
    public const string Id = "retention";

    [JobDisplayName("Retention clean-up")]
    [AutomaticRetry(Attempts = 3)]
    [DisableConcurrentExecution(Id, 60)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await retention.RunAsync(cancellationToken);
        await faults.RemoveExpiredEmailsAsync(cancellationToken);
    }
}
