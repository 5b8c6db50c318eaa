namespace Portal.Domain.Requirements;

/// <summary>How the portal or an auditor checks that a requirement is met.</summary>
public enum VerificationKind
{
    /// <summary>Derived from OCPI 2.2.1 data pulled from or pushed by the CPO.</summary>
    OcpiData,

    /// <summary>An independent conformity certificate or test report, with issue and expiry dates.</summary>
    Certificate,

    /// <summary>A physical inspection or test of a sample of installed charge points.</summary>
    FieldAudit,

    /// <summary>A contractual statement by the CPO or its supplier.</summary>
    Declaration,
}
