using Hangfire;
using Portal.Features.Contracts.Evidence;
using Portal.Features.Contracts.Protocols;
using Portal.Integration.Contracts.TariffCaps;

namespace Portal.Jobs;

/// <summary>
/// Once a day: the contract evidence's expiry round (60- and 30-day reminders, the finding on the day it expires; see
/// <see cref="EvidenceExpiryReminders"/>) and the check of pulled tariffs against the caps of every contract in force
/// (<see cref="TariffCapChecker"/>), and the protocol update reminders and overdue findings (<see cref="ProtocolUpdateReminders"/>). Each notes what they did, so a retry or a second run does not repeat it.
/// </summary>
internal sealed class CheckContractsJob(EvidenceExpiryReminders expiry, TariffCapChecker tariffs, ProtocolUpdateReminders protocols)
{
    public const string Id = "contract-checks";

    [JobDisplayName("Contract checks")]
    [AutomaticRetry(Attempts = 3)]
    [DisableConcurrentExecution(Id, 60)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await expiry.RunAsync(cancellationToken);
        await tariffs.RunAsync(cancellationToken);
        await protocols.RunAsync(cancellationToken);
    }
}
