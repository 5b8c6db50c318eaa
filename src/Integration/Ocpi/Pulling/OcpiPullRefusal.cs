using Portal.Integration.Ocpi.Validation;

namespace Portal.Integration.Ocpi.Pulling;

/// <summary>
/// Why a pull refused an object: its id, the rule (<see cref="OcpiRules"/>), the wire path and the value.
/// Kept for the first <see cref="PerRun"/> refused objects of a run, shown in the reader's language.
/// </summary>
public sealed class OcpiPullRefusal
{
    public const int PerRun = 100;

    private OcpiPullRefusal() { }

    public long Id { get; private set; }
    public long RunId { get; private set; }
    public string ObjectId { get; private set; } = "";
    public string Rule { get; private set; } = "";
    public string Path { get; private set; } = "";
    public string? Value { get; private set; }

    public static OcpiPullRefusal Of(long runId, string objectId, OcpiFinding reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        return new OcpiPullRefusal
        {
            RunId = runId,
            ObjectId = Clip(objectId, 100),
            Rule = reason.Rule,
            Path = Clip(reason.Path, DataQualityFinding.MaxPathLength),
            Value = OcpiFinding.Clip(reason.Value),
        };
    }

    private static string Clip(string value, int length) => value.Length > length ? value[..length] : value;
}

/// <summary>An object a page refused: why, as findings (shown in the reader's language), and as the English note the run keeps.</summary>
public sealed record Refusal(string ObjectId, IReadOnlyList<OcpiFinding> Reasons, string Note);
