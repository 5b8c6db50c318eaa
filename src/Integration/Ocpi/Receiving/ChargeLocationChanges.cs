namespace Portal.Integration.Ocpi.Receiving;

/// <summary>
/// A counter that goes up each time an OCPI push stores a change to a charge location on this node,
/// so caches (the public map's index) can tell cheaply that they are out of date.
/// </summary>
public sealed class ChargeLocationChanges
{
    private long _version;

    public long Version => Interlocked.Read(ref _version);

    public void Raise() => Interlocked.Increment(ref _version);
}
