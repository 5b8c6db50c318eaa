namespace Portal.Integration.Ocpi.Pulling;

/// <summary>One pull of one module from one connection, kept for the admin page.</summary>
public sealed class OcpiPullRun
{
    /// <summary>The error of a run whose node stopped before it finished.</summary>
    public const string LeftBehind = "did not finish: the node running it stopped; the next pull took over from the checkpoint";

    private OcpiPullRun() { }

    public long Id { get; private set; }
    public Guid ConnectionId { get; private set; }
    public OcpiModule Module { get; private set; }
    public PullMode Mode { get; private set; }
    public DateTime StartedAtUtc { get; private set; }
    public DateTime? FinishedAtUtc { get; private set; }
    public int Pages { get; private set; }
    public int Objects { get; private set; }
    public PullOutcome Outcome { get; private set; }

    /// <summary>Objects the CPO sent that were refused (unusable, or deviating on a strict connection); the first ones are in <see cref="OcpiPullRefusal"/>s.</summary>
    public int Refused { get; private set; }

    /// <summary>Objects stored with deviations from OCPI (data-quality findings).</summary>
    public int Flagged { get; private set; }
    public string? Error { get; private set; }

    /// <summary>The X-Request-ID of the call that failed, to look it up with the CPO.</summary>
    public string? FailedRequestId { get; private set; }

    public static OcpiPullRun Begin(Guid connectionId, OcpiModule module, PullMode mode, DateTime nowUtc) => new()
    {
        ConnectionId = connectionId,
        Module = module,
        Mode = mode,
        StartedAtUtc = nowUtc,
        Outcome = PullOutcome.Running,
    };

    public void Progress(int pages, int objects)
    {
        Pages = pages;
        Objects = objects;
    }

    public void Count(int refused, int flagged)
    {
        Refused = refused;
        Flagged = flagged;
    }

    public void Succeed(DateTime nowUtc)
    {
        Outcome = PullOutcome.Succeeded;
        FinishedAtUtc = nowUtc;
    }

    /// <summary>A remark on a successful run, e.g. objects the CPO sent that could not be stored.</summary>
    public void Note(string message) => Error = message.Length > 1000 ? message[..1000] : message;

    public void Fail(string error, string? requestId, DateTime nowUtc, PullOutcome outcome = PullOutcome.Failed)
    {
        Outcome = outcome;
        Error = error.Length > 1000 ? error[..1000] : error;
        FailedRequestId = requestId;
        FinishedAtUtc = nowUtc;
    }
}

public enum PullOutcome
{
    Running,
    Succeeded,
    Failed,

    /// <summary>The CPO offers no sender interface for the module.</summary>
    NotOffered,
}
