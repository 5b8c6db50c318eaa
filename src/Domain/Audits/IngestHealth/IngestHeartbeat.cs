namespace Portal.Domain.Audits.IngestHealth;

/// <summary>
/// A stretch of time one node of the portal was running and could write to its database: started when the node started
/// (or when it could write again after failing to), moved on at every beat. Stretches of all nodes together say when
/// the portal was up; what none covers is time the portal was down (<see cref="UnmeasuredTime"/>).
/// </summary>
public sealed class IngestHeartbeat
{
    public const int MaxNodeLength = 200;

    private IngestHeartbeat() { }

    public long Id { get; private set; }
    public string Node { get; private set; } = "";
    public DateTime FromUtc { get; private set; }
    public DateTime ToUtc { get; private set; }

    public static IngestHeartbeat Start(string node, DateTime nowUtc) => new()
    {
        Node = node.Length <= MaxNodeLength ? node : node[..MaxNodeLength],
        FromUtc = nowUtc,
        ToUtc = nowUtc,
    };
}

/// <summary>
/// A pull or a push the portal failed on its own side (its database away, an exception in its code, a 5xx it answered),
/// for one CPO connection where known; a CPO's bad data or a CPO that cannot be reached is no such failure: that counts
/// against the CPO. From the moment the call or pull began to the moment it failed.
/// </summary>
public sealed class IngestFailure
{
    public const int MaxDetailLength = 1000;

    private IngestFailure() { }

    public long Id { get; private set; }
    public Guid? ConnectionId { get; private set; }
    public IngestFailureKind Kind { get; private set; }
    public DateTime FromUtc { get; private set; }
    public DateTime UntilUtc { get; private set; }
    public string Detail { get; private set; } = "";

    public static IngestFailure Record(Guid? connectionId, IngestFailureKind kind, DateTime fromUtc, DateTime untilUtc, string detail) => new()
    {
        ConnectionId = connectionId,
        Kind = kind,
        FromUtc = fromUtc,
        UntilUtc = untilUtc < fromUtc ? fromUtc : untilUtc,
        Detail = detail.Length > MaxDetailLength ? detail[..MaxDetailLength] : detail,
    };
}

/// <summary>Which side of the ingest failed (stored by name).</summary>
public enum IngestFailureKind
{
    Pull,
    Push,
}
