namespace Portal.Integration.Ocpi.Client;

/// <summary>The "Ocpi:Client" section: how the portal calls CPOs. Tests shorten the waits.</summary>
public sealed class OcpiClientOptions
{
    /// <summary>Each attempt of a call gets this long (headers and body).</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>The first back-off; later ones double, with jitter.</summary>
    public TimeSpan FirstBackOff { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>A Retry-After longer than this is not waited for: the call fails and the next pull tries again.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The circuit of a connection opens when this share of its calls fails within <see cref="CircuitSamplingDuration"/>…</summary>
    public double CircuitFailureRatio { get; set; } = 0.5;

    /// <summary>…with at least this many calls…</summary>
    public int CircuitMinimumThroughput { get; set; } = 8;

    public TimeSpan CircuitSamplingDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>…and stays open this long before one trial call.</summary>
    public TimeSpan CircuitBreakDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The limit asked for per page; the CPO may return fewer (X-Limit).</summary>
    public int PageLimit { get; set; } = 1000;
}
