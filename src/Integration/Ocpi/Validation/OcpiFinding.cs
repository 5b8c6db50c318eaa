namespace Portal.Integration.Ocpi.Validation;

/// <summary>How bad a flaw in a CPO's object is.</summary>
public enum OcpiSeverity
{
    /// <summary>A deviation from the letter of OCPI whose meaning is clear: the object is stored and the flaw recorded (refused on a strict connection).</summary>
    Deviation,

    /// <summary>The portal cannot use the object: it is refused.</summary>
    Unusable,
}

/// <summary>
/// One flaw in a pushed or pulled object: a stable rule code (<see cref="OcpiRules"/>), its severity, the
/// wire path (e.g. evses[1].connectors[0].standard), the offending value (truncated to
/// <see cref="MaxValueLength"/>) and an English message for the OCPI answer to the CPO.
/// </summary>
public sealed record OcpiFinding(string Rule, OcpiSeverity Severity, string Path, string? Value, string Message)
{
    public const int MaxValueLength = 100;

    public OcpiProblem ToProblem() => new(Path, Message);

    public static string? Clip(string? value) => value is { Length: > MaxValueLength } ? value[..MaxValueLength] : value;
}
