namespace Portal.Domain.Audits.Uptime;

/// <summary>
/// The grace periods, caps and windows of metric v1 (sections 3-6). They are defaults a contract can override, so a
/// published figure records the rules it used, and they are part of the input fingerprint.
/// </summary>
public sealed record UptimeRules
{
    public static UptimeRules Default { get; } = new();

    /// <summary>DOWN intervals separated by less UP than this are one outage (section 4).</summary>
    public TimeSpan Debounce { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>A successful pull or a received push keeps the feed alive this long (section 3.4).</summary>
    public TimeSpan FeedLiveness { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>A t_evt later than t_rcv plus this is clamped to t_rcv (section 3.2).</summary>
    public TimeSpan FutureTolerance { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Events later than this count against timeliness (section 3.3).</summary>
    public TimeSpan LateAfter { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Events later than this are applied only in a recomputation run (section 3.3).</summary>
    public TimeSpan VeryLateAfter { get; init; } = TimeSpan.FromHours(24);

    /// <summary>A BLOCKED status held longer than this is flagged (section 4).</summary>
    public TimeSpan BlockedFlagAfter { get; init; } = TimeSpan.FromHours(24);

    public TimeSpan GridRebootGrace { get; init; } = TimeSpan.FromMinutes(30);
    public int ThirdPartyDamageMaxCalendarDays { get; init; } = 10;
    public TimeSpan PlannedMaintenanceMaxPerEvent { get; init; } = TimeSpan.FromHours(8);
    public TimeSpan PlannedMaintenanceMaxPerYear { get; init; } = TimeSpan.FromHours(72);
    public int PlannedMaintenanceNoticeWorkingDays { get; init; } = 5;

    /// <summary>An exceptional closing removes open time only when seen this long before it (or approved).</summary>
    public TimeSpan ClosingNotice { get; init; } = TimeSpan.FromDays(7);

    /// <summary>Coverage κ below this makes the result provisional (section 6).</summary>
    public decimal MinimumCoverage { get; init; } = 0.98m;

    public TimeSpan MinimumExposureMonth { get; init; } = TimeSpan.FromDays(7);
    public TimeSpan MinimumExposureYear { get; init; } = TimeSpan.FromDays(30);
}
