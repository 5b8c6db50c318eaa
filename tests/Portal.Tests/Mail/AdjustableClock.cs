namespace Portal.Tests.Mail;

/// <summary>The real clock plus an offset a test moves forward, so a retry that is due "in a minute" is due now.</summary>
public sealed class AdjustableClock : TimeProvider
{
    private TimeSpan _offset;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _offset;

    public void Advance(TimeSpan by) => _offset += by;
}
