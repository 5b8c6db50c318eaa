using Hangfire;
using Portal.Features.SmartCharging;

namespace Portal.Jobs;

/// <summary>
/// Smart-charging compliance tests: on their schedule a run starts for every contract with a smart-charging
/// obligation and none under way; every few minutes the running ones read back what came and complete (<see cref="SmartChargingRunner"/>).
/// </summary>
internal sealed class RunSmartChargingTestsJob(SmartChargingRunner runner, ILogger<RunSmartChargingTestsJob> logger)
{
    public const string StartId = "smart-charging-start", CompleteId = "smart-charging-complete";

    [JobDisplayName("Smart charging: start the tests")]
    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(StartId, 60)]
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var started = await runner.StartScheduledAsync(cancellationToken);
        logger.LogInformation("Smart-charging tests: {Started} started", started);
    }

    [JobDisplayName("Smart charging: complete the tests")]
    [AutomaticRetry(Attempts = 3)]
    [DisableConcurrentExecution(CompleteId, 60)]
    public Task CompleteAsync(CancellationToken cancellationToken) => runner.CompleteDueAsync(cancellationToken);
}
