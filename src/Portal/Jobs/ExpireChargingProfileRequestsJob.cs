using Hangfire;
using Portal.Integration.Ocpi.ChargingProfiles;

namespace Portal.Jobs;

/// <summary>Every minute: charging-profile requests the CPO ACCEPTED but whose result did not come within its timeout become NoResult. Not retried: the next run is a minute away.</summary>
internal sealed class ExpireChargingProfileRequestsJob(ChargingProfileSender sender)
{
    public const string Id = "charging-profile-expiry";

    [JobDisplayName("Charging profiles: expire unanswered requests")]
    [AutomaticRetry(Attempts = 0)]
    [SkipIfRunning(Id)]
    public Task RunAsync(CancellationToken cancellationToken) => sender.ExpireAsync(cancellationToken);
}
