using Hangfire.Server;

namespace Portal.Tests.Jobs;

/// <summary>
/// Lets a test wait for what a job does, without polling on a timer: a Hangfire server filter that counts
/// finished executions on every node it is registered with (see <see cref="TestJobFilters"/>), so a test can
/// check its condition again after each one.
/// </summary>
public sealed class JobsDone : IServerFilter
{
    private readonly Lock _gate = new();
    private readonly List<(long After, TaskCompletionSource Done)> _waiting = [];
    private long _finished;

    public void OnPerforming(PerformingContext context)
    {
    }

    public void OnPerformed(PerformedContext context)
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
            try
            {
                await FinishedAfterAsync(seen).WaitAsync(limit.Token);
            }
            catch (OperationCanceledException) when (limit.IsCancellationRequested)
            {
                throw new TimeoutException($"No job brought the awaited state within {timeout}.");
            }
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
