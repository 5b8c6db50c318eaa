namespace Portal.Features.IngestHealth;

/// <summary>Settings of the portal's own ingest-health record (section <c>Audits</c>).</summary>
internal sealed class IngestHealthOptions
{
    public const string Section = "Audits";

    /// <summary>How often each node moves its heartbeat on.</summary>
    public int IngestHeartbeatSeconds { get; set; } = 60;

    /// <summary>A gap between heartbeats longer than this is time the portal was down (unmeasured, never charged to a CPO).</summary>
    public int IngestHeartbeatGapSeconds { get; set; } = 180;
}
