using Hangfire;
using Portal.Features.Exclusions;

namespace Portal.Jobs;

/// <summary>
/// Every morning: declared maintenance windows and status_schedule entries that ended become candidate exclusion claims
/// (E5) for the CPO to confirm or dismiss (see <see cref="ExclusionCandidates"/>). Each is made once, so a retry is safe.
/// </summary>
internal sealed class CreateExclusionCandidatesJob(ExclusionCandidates candidates)
{
    public const string Id = "exclusion-candidates";

    [JobDisplayName("Exclusion candidates from maintenance windows and status schedules")]
    [AutomaticRetry(Attempts = 3)]
    [DisableConcurrentExecution(Id, 60)]
    public Task RunAsync(CancellationToken cancellationToken) => candidates.RunAsync(cancellationToken);
}
