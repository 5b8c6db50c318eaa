namespace Portal.Integration.Changes;

/// <summary>
/// One row per <see cref="ChangeTopic"/>: a counter that every node raises after it saved a change of
/// that topic. Other nodes poll the counters to learn of changes they did not make themselves.
/// </summary>
public sealed class ChangeSignal
{
    private ChangeSignal() { }

    public ChangeSignal(ChangeTopic topic) => Topic = topic;

    public ChangeTopic Topic { get; private set; }

    public long Version { get; private set; }

    public DateTime ChangedAtUtc { get; private set; }
}
