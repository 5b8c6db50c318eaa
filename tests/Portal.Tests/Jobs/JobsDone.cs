using Quartz;

namespace Portal.Tests.Jobs;

/// <summary>
/// Lets a test wait for what a job does, without polling on a timer: a Quartz listener that counts finished
/// executions, so a test can check its condition again after each one. (The scheduler may read a test's fake
/// clock, so this counts executions rather than comparing times.)
/// </summary>
public sealed class JobsDone : IJobListener
{
    private readonly Lock _gate = new();
    private readonly List<(long After, TaskCompletionSource Done)> _waiting = [];
    private long _finished;

    public string Name => nameof(JobsDone);

    public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
    {
        List<TaskCompletionSource> done;
        lock (_gate)
        {
            _finished++;
            done = _waiting.Where(w => _finished > w.After).Select(w => w.Done).ToList();
            _waiting.RemoveAll(w => done.Contains(w.Done));
        }
        foreach (var waiter in done)
            waiter.TrySetResult();
        return ValueTask.CompletedTask;
    }

    /// <summary>Returns once <paramref name="condition"/> holds, checking it now and after every job that finishes; fails after <paramref name="timeout"/>.</summary>
    public async Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        while (true)
        {
            var seen = Finished;
            if (await condition())
                return;
            await FinishedAfterAsync(seen).WaitAsync(limit.Token);
        }
    }

    private long Finished
    {
        get
        {
            lock (_gate)
                return _finished;
        }
    }

    private Task FinishedAfterAsync(long seen)
    {
        lock (_gate)
        {
            if (_finished > seen)
                return Task.CompletedTask;
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting.Add((seen, done));
            return done.Task;
        }
    }
}
