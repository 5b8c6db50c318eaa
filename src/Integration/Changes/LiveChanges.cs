using Microsoft.Extensions.Logging;

namespace Portal.Integration.Changes;

/// <summary>
/// Changes that open back-office pages follow without reloading. A save on this node marks its
/// topics (<see cref="ChangeSignalInterceptor"/>); <see cref="ChangeSignals"/> raises them here and
/// writes them to the database in one go each tick, and raises what other nodes wrote. Marking is
/// cheap and never waits, so a storm of OCPI pushes costs one raise per tick, not one per push.
/// </summary>
public sealed class LiveChanges(ILogger<LiveChanges> logger)
{
    private readonly Lock _gate = new();
    private readonly HashSet<ChangeTopic> _unsaid = [];
    private readonly List<Subscription> _subscriptions = [];

    /// <summary>True while some open page follows a topic; polling other nodes' changes is needed only then.</summary>
    public bool HasSubscribers
    {
        get
        {
            lock (_gate)
                return _subscriptions.Count > 0;
        }
    }

    /// <summary>Calls <paramref name="onChanged"/> after each change of the topic (at most once per tick) until disposed.</summary>
    public IDisposable Subscribe(ChangeTopic topic, Func<Task> onChanged)
    {
        var subscription = new Subscription(this, topic, onChanged);
        lock (_gate)
            _subscriptions.Add(subscription);
        return subscription;
    }

    /// <summary>A save on this node changed these topics.</summary>
    public void MarkChanged(IEnumerable<ChangeTopic> topics)
    {
        lock (_gate)
            _unsaid.UnionWith(topics);
    }

    /// <summary>The topics marked since the last call, emptied.</summary>
    public IReadOnlyList<ChangeTopic> TakeMarked()
    {
        lock (_gate)
        {
            var taken = _unsaid.ToList();
            _unsaid.Clear();
            return taken;
        }
    }

    /// <summary>Tells every subscriber of these topics; a subscriber that fails is logged, the others still hear.</summary>
    public async Task RaiseAsync(IReadOnlyCollection<ChangeTopic> topics)
    {
        if (topics.Count == 0)
            return;
        List<Subscription> listening;
        lock (_gate)
            listening = _subscriptions.Where(s => topics.Contains(s.Topic)).ToList();
        await Task.WhenAll(listening.Select(CallAsync));
    }

    private async Task CallAsync(Subscription subscription)
    {
        try
        {
            await subscription.OnChanged();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "A page following {Topic} failed to refresh", subscription.Topic);
        }
    }

    private void Remove(Subscription subscription)
    {
        lock (_gate)
            _subscriptions.Remove(subscription);
    }

    private sealed class Subscription(LiveChanges owner, ChangeTopic topic, Func<Task> onChanged) : IDisposable
    {
        public ChangeTopic Topic { get; } = topic;

        public Func<Task> OnChanged { get; } = onChanged;

        public void Dispose() => owner.Remove(this);
    }
}
