namespace Portal.Integration.Ocpi.Pulling;

/// <summary>
/// Where the next incremental pull of one module from one connection starts. Moved on only when a
/// pull completes, so an interrupted pull is repeated from the same point (storing is idempotent).
/// </summary>
public sealed class OcpiPullCheckpoint
{
    private OcpiPullCheckpoint() { }

    public Guid ConnectionId { get; private set; }
    public OcpiModule Module { get; private set; }

    /// <summary>The date_to of the last completed pull: the next date_from, so windows neither overlap nor leave gaps.</summary>
    public DateTime? NextDateFromUtc { get; private set; }

    /// <summary>The newest last_updated seen so far.</summary>
    public DateTime? MaxLastUpdatedUtc { get; private set; }
    public DateTime? LastSuccessAtUtc { get; private set; }
    public DateTime? LastFullSuccessAtUtc { get; private set; }

    public static OcpiPullCheckpoint Start(Guid connectionId, OcpiModule module) => new() { ConnectionId = connectionId, Module = module };

    public void Complete(PullMode mode, DateTime dateToUtc, DateTime? maxLastUpdatedUtc, DateTime nowUtc)
    {
        NextDateFromUtc = dateToUtc;
        if (maxLastUpdatedUtc is { } seen && (MaxLastUpdatedUtc is null || seen > MaxLastUpdatedUtc))
            MaxLastUpdatedUtc = seen;
        LastSuccessAtUtc = nowUtc;
        if (mode == PullMode.Full)
            LastFullSuccessAtUtc = nowUtc;
    }
}
