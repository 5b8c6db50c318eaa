using Portal.Domain.Common;
using Portal.Domain.Contracts;
using Portal.Domain.Contracts.Evidence;
using static Portal.Domain.Tests.Contracts.Evidence.EvidenceTestData;

namespace Portal.Domain.Tests.Contracts.Evidence;

public sealed class SubmittingEvidenceTests
{
    private static DomainRule? Refusal(Action act) => Assert.Throws<DomainRuleViolated>(act).Rule;

    [Fact]
    public void ACertificate_IsPendingWithItsDetails_AndTheUploadInItsHistory()
    {
        var evidence = Submitted(Certificate(new DateOnly(2026, 1, 15), new DateOnly(2029, 1, 15), new EvseRef("LOC1", "E1"), new EvseRef("LOC1", "E1")));

        Assert.Equal(EvidenceDecision.Pending, evidence.Decision);
        Assert.Equal((Sc6, "OCA", "OCPP 2.0.1"), (evidence.Requirement, evidence.Issuer, evidence.Standard));
        // The EVSE named twice is kept once.
        Assert.Equal([new EvseRef("LOC1", "E1")], evidence.CoveredEvses);
        var step = Assert.Single(evidence.Steps);
        Assert.Equal((EvidenceStepKind.Uploaded, "cpo-1", Now), (step.Kind, step.ByUserId, step.AtUtc));
        var record = evidence.ToRecord();
        Assert.Equal((new DateOnly(2026, 1, 15), (DateOnly?)new DateOnly(2029, 1, 15), EvidenceDecision.Pending), (record.IssuedOn, record.ExpiresOn, record.Decision));
    }

    [Fact]
    public void AFileName_IsKeptWithoutItsFolders()
    {
        var evidence = SubmittedEvidence.Submit(ContractId, ContractTestData.Operator, Sc6, Certificate(new DateOnly(2026, 1, 1), new DateOnly(2027, 1, 1)),
            PdfFile with { FileName = @"C:\stukken\..\cert.pdf" }, Cpo, Now);

        Assert.Equal("cert.pdf", evidence.FileName);
    }

    [Fact]
    public void WhatEvidenceMustSay_IsChecked()
    {
        var ok = Certificate(new DateOnly(2026, 1, 1), new DateOnly(2027, 1, 1));

        Assert.Equal(DomainRule.EvidenceTitleMissing, Refusal(() => Submitted(ok with { Title = "  " })));
        Assert.Equal(DomainRule.EvidenceIssuerMissing, Refusal(() => Submitted(ok with { Issuer = null })));
        Assert.Equal(DomainRule.EvidenceStandardMissing, Refusal(() => Submitted(ok with { Standard = "" })));
        Assert.Equal(DomainRule.EvidenceExpiryMissing, Refusal(() => Submitted(ok with { ExpiresOn = null })));
        Assert.Equal(DomainRule.ContractTextTooLong, Refusal(() => Submitted(ok with { Title = new string('x', SubmittedEvidence.MaxTitleLength + 1) })));
        // Expiring on the issue day would count for no day at all.
        Assert.Equal(DomainRule.EvidenceExpiryNotAfterIssue, Refusal(() => Submitted(ok with { ExpiresOn = ok.IssuedOn })));
        // Now is 2 March 2026 in Arnhem: 3 March has not come yet.
        Assert.Equal(DomainRule.DateInFuture, Refusal(() => Submitted(ok with { IssuedOn = new DateOnly(2026, 3, 3), ExpiresOn = new DateOnly(2027, 3, 3) })));
        Assert.Equal(DomainRule.EvidenceTooManyEvses, Refusal(() => Submitted(ok with
        {
            Evses = Enumerable.Range(0, SubmittedEvidence.MaxEvses + 1).Select(i => new EvseRef("LOC", $"E{i}")).ToList(),
        })));
        Assert.Equal(DomainRule.FileTooLarge, Refusal(() => SubmittedEvidence.Submit(ContractId, ContractTestData.Operator, Sc6, ok,
            PdfFile with { SizeBytes = SubmittedEvidence.MaxSizeBytes + 1 }, Cpo, Now)));
    }

    [Fact]
    public void ADeclaration_NeedsNeitherStandardNorExpiry()
    {
        var evidence = Submitted(new EvidenceDetails(EvidenceKind.Declaration, "Verklaring slim laden", "Laadbedrijf BV", null, new DateOnly(2026, 3, 2), null, [], null));

        Assert.Equal((EvidenceKind.Declaration, (string?)null, (DateOnly?)null), (evidence.Kind, evidence.Standard, evidence.ExpiresOn));
    }

    [Fact]
    public void AnOfficer_AcceptsOnce_AndTheDecisionStaysInTheHistory()
    {
        var evidence = Submitted(Certificate(new DateOnly(2026, 1, 1), new DateOnly(2027, 1, 1)));

        evidence.Accept("  Checked with the OCA register  ", Officer, Now.AddHours(1));

        Assert.Equal((EvidenceDecision.Accepted, "Checked with the OCA register", "officer-1"), (evidence.Decision, evidence.DecisionReason, evidence.DecidedByUserId));
        Assert.Equal([EvidenceStepKind.Uploaded, EvidenceStepKind.Accepted], evidence.Steps.Select(s => s.Kind));
        Assert.Equal(DomainRule.EvidenceAlreadyDecided, Refusal(() => evidence.Reject("changed my mind", Officer, Now.AddHours(2))));
        Assert.Equal(2, evidence.Steps.Count);
    }

    [Fact]
    public void ARejection_NeedsAReason()
    {
        var evidence = Submitted(Certificate(new DateOnly(2026, 1, 1), new DateOnly(2027, 1, 1)));

        Assert.Equal(DomainRule.EvidenceRejectionNeedsReason, Refusal(() => evidence.Reject(" ", Officer, Now)));
        Assert.Equal(EvidenceDecision.Pending, evidence.Decision);

        evidence.Reject("The certificate is for another model", Officer, Now);

        Assert.Equal(EvidenceDecision.Rejected, evidence.Decision);
        Assert.Equal("The certificate is for another model", evidence.Steps[^1].Detail);
    }

    [Fact]
    public void AcceptedEvidence_TurnsTheRequirementMet_ThroughTheStateRule()
    {
        var evidence = Accepted(Certificate(new DateOnly(2026, 1, 15), new DateOnly(2029, 1, 15)));
        var day = new DateOnly(2026, 3, 2);

        var state = RequirementStateRule.On(day, Portal.Domain.Requirements.VerificationKind.Certificate, [], [evidence.ToRecord()], [], [new EvseRef("LOC1", "E1")], new DateOnly(2026, 4, 1));

        // Valid from 15 January 2026 up to 15 January 2029, covering every EVSE: met until its expiry.
        Assert.Equal(new RequirementState(RequirementStateKind.Met, RequirementStateReason.EvidenceValid, new DateOnly(2029, 1, 15)), state);
    }
}
