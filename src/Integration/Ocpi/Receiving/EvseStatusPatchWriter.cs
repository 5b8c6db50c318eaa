using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Portal.Integration.Ocpi.Receiving;

/// <summary>
/// Group commit for the common push (<see cref="EvseStatusPatch"/>): concurrent status-only EVSE PATCHes are
/// queued to one writer, which stores whatever has queued up meanwhile as one batch in one transaction
/// (<see cref="EvseStatusPatchStore"/>), in the order they came, and answers each PATCH only after its batch
/// committed, so "accepted" still means "stored". A batch that fails is stored again one PATCH at a time, so
/// a PATCH the database refuses fails alone. PATCHes of a location that another writer changed meanwhile are
/// read afresh and tried again; after <see cref="Attempts"/> tries (or for anything the short way does not
/// handle) the answer is null and the caller takes the full way.
/// </summary>
public sealed partial class EvseStatusPatchWriter : IAsyncDisposable, IDisposable
{
    /// <summary>The most PATCHes stored in one transaction.</summary>
    public const int MaxBatch = 500;

    private const int Attempts = 3;

    private readonly IServiceScopeFactory _scopes;
    private readonly ILogger<EvseStatusPatchWriter> _log;
    private readonly Channel<PendingStatusPatch> _queue = Channel.CreateUnbounded<PendingStatusPatch>(new UnboundedChannelOptions { SingleReader = true });
    private readonly KnownLocations _known = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _loop;

    public EvseStatusPatchWriter(IServiceScopeFactory scopes, ILogger<EvseStatusPatchWriter> log)
    {
        _scopes = scopes;
        _log = log;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>
    /// Stores a status-only PATCH of an EVSE with the others queued meanwhile, and answers once its batch
    /// committed; null when the short way does not take it (the caller then goes the full way).
    /// </summary>
    public Task<ReceiveResult?> TryStoreAsync(LocationTarget target, JsonObject pushed, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(pushed);
        if (target.EvseUid is null || target.ConnectorId is not null || EvseStatusPatch.Read(pushed) is not { } change)
            return Task.FromResult<ReceiveResult?>(null);
        var pending = new PendingStatusPatch(target, change);
        if (!_queue.Writer.TryWrite(pending))
            return Task.FromResult<ReceiveResult?>(null);
        // The PATCH stays queued when the caller goes away: it may be stored as any sent PATCH may.
        return pending.Answer.Task.WaitAsync(ct);
    }

    private async Task RunAsync()
    {
        var reader = _queue.Reader;
        var batch = new List<PendingStatusPatch>(MaxBatch);
        try
        {
            while (await reader.WaitToReadAsync(_stopping.Token))
            {
                batch.Clear();
                while (batch.Count < MaxBatch && reader.TryRead(out var pending))
                    batch.Add(pending);
                await StoreAsync(batch);
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
        // Whatever is left when the node stops goes the full way (or finds its caller gone).
        while (reader.TryRead(out var left))
            left.Answer.TrySetResult(null);
    }

    /// <summary>Stores a batch; a batch that fails is stored one PATCH at a time, so only the PATCH the database refuses fails.</summary>
    private async Task StoreAsync(IReadOnlyList<PendingStatusPatch> batch)
    {
        IReadOnlyList<PendingStatusPatch> todo = batch;
        for (var attempt = 0; attempt < Attempts && todo.Count > 0; attempt++)
        {
            try
            {
                await using var scope = _scopes.CreateAsyncScope();
                todo = await scope.ServiceProvider.GetRequiredService<EvseStatusPatchStore>().StoreAsync(todo, _known, _stopping.Token);
            }
            catch (Exception e) when (todo.Count > 1)
            {
                LogBatchFailed(e, todo.Count);
                foreach (var pending in todo)
                    _known.Forget(pending.Target.SourceId);
                foreach (var pending in todo)
                    await StoreAsync([pending]);
                return;
            }
            catch (Exception e)
            {
                _known.Forget(todo[0].Target.SourceId);
                todo[0].Answer.TrySetException(e);
                return;
            }
        }
        // Another writer kept changing these locations: the full way takes them.
        foreach (var pending in todo)
            pending.Answer.TrySetResult(null);
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _stopping.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
        }
        _stopping.Dispose();
    }

    /// <summary>Stops taking PATCHes and stops the loop without waiting for it (a host disposed synchronously).</summary>
    public void Dispose()
    {
        _queue.Writer.TryComplete();
        _stopping.Cancel();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storing a batch of {Count} OCPI status updates failed; storing them one by one")]
    private partial void LogBatchFailed(Exception e, int count);
}

/// <summary>A queued PATCH and the answer its caller waits for.</summary>
internal sealed class PendingStatusPatch(LocationTarget target, EvseStatusChange change)
{
    public LocationTarget Target { get; } = target;
    public EvseStatusChange Change { get; } = change;

    // Continuations run on the thread pool, not on the writer's loop, which goes on with the next batch.
    public TaskCompletionSource<ReceiveResult?> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
