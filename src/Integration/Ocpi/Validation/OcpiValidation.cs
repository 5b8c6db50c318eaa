namespace Portal.Integration.Ocpi.Validation;

/// <summary>What <see cref="OcpiValidator"/> found in one object; <see cref="Valid"/> (shared, nothing allocated) when nothing.</summary>
public sealed class OcpiValidation
{
    public static readonly OcpiValidation Valid = new([]);

    public OcpiValidation(IReadOnlyList<OcpiFinding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        Findings = findings;
        foreach (var finding in findings)
        {
            if (finding.Severity == OcpiSeverity.Unusable)
                HasUnusable = true;
            else
                HasDeviations = true;
        }
    }

    public IReadOnlyList<OcpiFinding> Findings { get; }

    public bool IsValid => Findings.Count == 0;

    public bool HasUnusable { get; }

    public bool HasDeviations { get; }

    /// <summary>Whether the object is refused: when anything makes it unusable, or, on a strict connection, anything at all.</summary>
    public bool Refuses(bool strict) => HasUnusable || (strict && HasDeviations);

    /// <summary>What a refusal names: the unusable flaws, or on a strict connection every flaw.</summary>
    public IReadOnlyList<OcpiFinding> Reasons(bool strict) =>
        strict ? Findings : Findings.Where(f => f.Severity == OcpiSeverity.Unusable).ToList();

    public IReadOnlyList<OcpiFinding> Deviations =>
        HasDeviations ? Findings.Where(f => f.Severity == OcpiSeverity.Deviation).ToList() : [];

    /// <summary>The findings as "path: message; …", in English, for the OCPI answer and logs.</summary>
    public static string Describe(IEnumerable<OcpiFinding> findings) =>
        string.Join("; ", findings.Select(p => $"{p.Path}: {p.Message}"));
}
