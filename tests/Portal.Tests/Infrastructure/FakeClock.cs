namespace Portal.Tests.Infrastructure;

/// <summary>
/// A TimeProvider whose "now" only moves when a test says so. It starts at the real time, so cookies
/// and tokens issued during a test stay valid; timers and delays still run on real time.
/// </summary>
public sealed class FakeClock : TimeProvider
{
    private readonly Lock _gate = new();
    private DateTimeOffset _now;

    public FakeClock() : this(DateTimeOffset.UtcNow)
    {
    }

    /// <summary>A clock that starts at <paramref name="start"/>; keep it in the past, or cookies issued by it are not valid yet.</summary>
    public FakeClock(DateTimeOffset start) => _now = WholeSeconds(start);

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
            return _now;
    }

    private static DateTimeOffset WholeSeconds(DateTimeOffset time) => new(time.Ticks - (time.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    public void Advance(TimeSpan by)
    {
        lock (_gate)
            _now += by;
    }
}
