namespace Portal.Domain.Audits.Usage;

/// <summary>
/// When a charge point counts as busy in a month: at least this many kWh, or at least this many sessions. Officers
/// use it to decide about extra points; each municipality sets its own in its policy.
/// </summary>
public sealed record BusyThresholds(int KwhPerMonth, int SessionsPerMonth)
{
    public const int DefaultKwh = 250, DefaultSessions = 25;
    public const int MinKwh = 1, MaxKwh = 100_000;
    public const int MinSessions = 1, MaxSessions = 10_000;

    public static BusyThresholds Default { get; } = new(DefaultKwh, DefaultSessions);

    public bool IsBusy(int sessions, decimal kwh) => kwh >= KwhPerMonth || sessions >= SessionsPerMonth;

    public bool KwhInRange => KwhPerMonth is >= MinKwh and <= MaxKwh;

    public bool SessionsInRange => SessionsPerMonth is >= MinSessions and <= MaxSessions;
}
