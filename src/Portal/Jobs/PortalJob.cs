using Quartz;

namespace Portal.Jobs;

/// <summary>
/// The base of every background job: it runs <see cref="RunAsync"/>, and a failure is logged and
/// recorded (see <see cref="JobRunLog"/>) instead of reaching the scheduler. A job is one class
/// deriving from this, marked [DisallowConcurrentExecution], and one line in
/// <see cref="JobsRegistration"/> with its interval from <see cref="JobsOptions"/>.
/// </summary>
[DisallowConcurrentExecution]
internal abstract class PortalJob(JobRunLog runs, TimeProvider clock, ILogger logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var name = GetType().Name;
        try
        {
            await RunAsync(context, cancellationToken);
            runs.Record(name, clock.GetUtcNow(), error: null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            logger.LogInformation("Job {Job} stopped: the scheduler is shutting down", name);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Job {Job} failed", name);
            runs.Record(name, clock.GetUtcNow(), e.Message);
        }
    }

    protected abstract Task RunAsync(IJobExecutionContext context, CancellationToken cancellationToken);
}
