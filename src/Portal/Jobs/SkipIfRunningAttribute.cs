using Hangfire.Common;
using Hangfire.Server;
using Hangfire.Storage;

namespace Portal.Jobs;

/// <summary>
/// A job on a short interval that must not overlap itself: when the previous run (on any node) still holds
/// its lock, this firing is dropped (Deleted, "Canceled by filter") instead of queueing up behind it; the
/// next firing comes soon. Jobs that must wait for the running one use Hangfire's DisableConcurrentExecution.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, AllowMultiple = false)]
internal sealed class SkipIfRunningAttribute(string resource) : JobFilterAttribute, IServerFilter
{
    private const string LockItem = "portal:skip-if-running-lock";

    public string Resource { get; } = resource;

    public void OnPerforming(PerformingContext context)
    {
        try
        {
            context.Items[LockItem] = context.Connection.AcquireDistributedLock($"skip-if-running:{Resource}", TimeSpan.Zero);
        }
        catch (DistributedLockTimeoutException)
        {
            context.Canceled = true;
        }
    }

    public void OnPerformed(PerformedContext context)
    {
        if (context.Items.TryGetValue(LockItem, out var held) && held is IDisposable distributedLock)
            distributedLock.Dispose();
    }
}
