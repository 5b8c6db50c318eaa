using Portal.Domain.Contracts;
using Portal.Domain.Contracts.Evidence;
using Portal.Domain.Requirements;

namespace Portal.Domain.Tests.Contracts.Evidence;

internal static class EvidenceTestData
{
    public static readonly ContractActor Cpo = new("cpo-1", "Chris Operator");
    public static readonly ContractActor Officer = ContractTestData.Officer;
    public static readonly Guid ContractId = Guid.Parse("00000000-0000-0000-0000-0000000000aa");

    /// <summary>9:00 UTC on 2 March 2026: 10:00 in Arnhem, Dutch day 2 March.</summary>
    public static readonly DateTime Now = ContractTestData.Now;
    public static readonly RequirementKey Sc6 = new("elaad-2025", "SC-6");

    public static EvidenceDetails Certificate(DateOnly issued, DateOnly? expires, params EvseRef[] evses) =>
        new(EvidenceKind.Certificate, "OCPP 2.0.1 Core certificate", "OCA", "OCPP 2.0.1", issued, expires, evses, "Alfen Eve Double");

    public static readonly EvidenceFile PdfFile = new("certificaat.pdf", "application/pdf", 2048, "0123456789abcdef0123456789abcdef0123456789abcdef");

    public static SubmittedEvidence Submitted(EvidenceDetails details, RequirementKey? requirement = null) =>
        SubmittedEvidence.Submit(ContractId, ContractTestData.Operator, requirement ?? Sc6, details, PdfFile, Cpo, Now);

    public static SubmittedEvidence Accepted(EvidenceDetails details)
    {
        var evidence = Submitted(details);
        evidence.Accept(null, Officer, Now);
        return evidence;
    }
}
