using Hangfire;
using Portal.Integration.Ocpi.Pulling;

namespace Portal.Jobs;

/// <summary>
/// Pulls from one CPO: every module it sends (scheduled), or the one an administrator asked for ("pull now").
/// A failed module fails the job, so Hangfire retries it with growing pauses and, after the last attempt,
/// keeps it in its failed list (and /health says so). A retry, or another node taking over the job of a
/// node that died, starts again from the connection's checkpoint: the checkpoint moves only when a pull
/// completes, and storing a pulled object again changes nothing, so nothing is missed or stored twice.
/// One pull per connection at a time across all nodes.
/// </summary>
internal sealed class PullOcpiConnectionJob(OcpiPuller puller, ILogger<PullOcpiConnectionJob> logger)
{
    /// <summary>The lock that keeps pulls of one connection from overlapping; a pull waits this long for the one under way.</summary>
    private const string Lock = "ocpi-pull:{0}";
    private const int LockWaitSeconds = 300;

    /// <summary>Logged when a pull job of a connection completed every module.</summary>
    public static readonly EventId Done = new(4201, "OcpiPullJobDone");

    [JobDisplayName("OCPI pull: {1}, {2}")]
    [AutomaticRetry(Attempts = 5, DelaysInSeconds = [30, 120, 600, 1800, 3600])]
    [DisableConcurrentExecution(Lock, LockWaitSeconds)]
    public async Task PullAsync(Guid connectionId, string connectionName, string mode, CancellationToken cancellationToken)
    {
        var pullMode = Parse(mode);
        var failed = new List<PullReport>();
        foreach (var module in OcpiModules.All)
        {
            var report = await puller.PullAsync(connectionId, module, pullMode, cancellationToken);
            if (report.Outcome == PullOutcome.Failed)
                failed.Add(report);
        }
        if (failed.Count > 0)
            throw new OcpiPullFailedException(connectionName, failed);
        logger.LogInformation(Done, "OCPI pull of {Connection} ({Mode}) done", connectionName, mode);
    }

    [JobDisplayName("OCPI pull now: {1}, {3} {2}")]
    [AutomaticRetry(Attempts = 5, DelaysInSeconds = [30, 120, 600, 1800, 3600])]
    [DisableConcurrentExecution(Lock, LockWaitSeconds)]
    public async Task PullNowAsync(Guid connectionId, string connectionName, OcpiModule module, string mode, CancellationToken cancellationToken)
    {
        var report = await puller.PullAsync(connectionId, module, Parse(mode), cancellationToken);
        logger.LogInformation("Pull now of {Module} ({Mode}) from {Connection}: {Outcome}", module, mode, connectionName, report.Outcome);
        if (report.Outcome == PullOutcome.Failed)
            throw new OcpiPullFailedException(connectionName, [report]);
    }

    /// <summary>The mode as it appears in the job's name: "incremental" or "full".</summary>
    public static string Name(PullMode mode) => mode == PullMode.Full ? "full" : "incremental";

    private static PullMode Parse(string mode) => string.Equals(mode, "full", StringComparison.OrdinalIgnoreCase) ? PullMode.Full : PullMode.Incremental;
}

/// <summary>One or more modules of a pull failed; the runs on the connection's page say why.</summary>
internal sealed class OcpiPullFailedException(string connectionName, IReadOnlyList<PullReport> failed)
    : Exception($"Pulling from {connectionName} failed: {string.Join("; ", failed.Select(f => $"{f.Module}: {f.Message}"))}");
