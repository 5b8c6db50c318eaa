namespace Portal.Domain.Contracts.Evidence;

/// <summary>What a piece of evidence is (stored by name).</summary>
public enum EvidenceKind
{
    /// <summary>A certificate from a certifying body, e.g. OCPP 2.0.1 certification or a measuring instrument certificate.</summary>
    Certificate,

    /// <summary>The CPO's own signed declaration.</summary>
    Declaration,

    /// <summary>A report of a test, e.g. ISO 15118 conformance.</summary>
    TestReport,
}
