using Portal.Domain.Contracts;
using Portal.Domain.Requirements;

namespace Portal.Domain.Tests.Contracts;

public sealed class DeterminingRequirementStatesTests
{
    private static readonly EvseRef One = new("L1", "1"), Two = new("L1", "2");
    private static readonly EvseRef[] Covered = [One, Two];

    /// <summary>Evidence is due from the version's start, 1 April 2026.</summary>
    private static readonly DateOnly DueFrom = new(2026, 4, 1);

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    private static EvidenceRecord Evidence(DateOnly issued, DateOnly? expires, EvidenceDecision decision, params EvseRef[] covers) => new(issued, expires, decision, covers);

    private static RequirementState Certificate(DateOnly day, params EvidenceRecord[] evidence) =>
        RequirementStateRule.On(day, VerificationKind.Certificate, [], evidence, [], Covered, DueFrom);

    [Fact]
    public void WithoutEvidence_ItIsUnknownBeforeItIsDue_AndDueFromTheDueDay()
    {
        Assert.Equal(new RequirementState(RequirementStateKind.Unknown, RequirementStateReason.NotDueYet, DueFrom), Certificate(D(2026, 3, 31)));
        Assert.Equal(new RequirementState(RequirementStateKind.EvidenceDue, RequirementStateReason.NoEvidence, DueFrom), Certificate(D(2026, 4, 1)));
    }

    [Fact]
    public void ACertificate_IsMetUpToTheDayBeforeItsExpiry_AndExpiredOnTheDayItself()
    {
        // Issued 10 January 2026, expires 10 January 2027: valid up to and including 9 January 2027.
        var certificate = Evidence(D(2026, 1, 10), D(2027, 1, 10), EvidenceDecision.Accepted);

        Assert.Equal(new RequirementState(RequirementStateKind.Met, RequirementStateReason.EvidenceValid, D(2027, 1, 10)), Certificate(D(2027, 1, 9), certificate));
        Assert.Equal(new RequirementState(RequirementStateKind.EvidenceExpired, RequirementStateReason.EvidenceExpired, D(2027, 1, 10)), Certificate(D(2027, 1, 10), certificate));
        // Before its issue day it does not count yet: nothing was given then (9 January 2026 is before the due day).
        Assert.Equal(RequirementStateReason.NotDueYet, Certificate(D(2026, 1, 9), certificate).Reason);
    }

    [Fact]
    public void ARenewedCertificate_OverlappingTheOld_CarriesItOnWithoutAGap()
    {
        var old = Evidence(D(2026, 1, 10), D(2027, 1, 10), EvidenceDecision.Accepted);
        var renewed = Evidence(D(2026, 12, 1), D(2029, 12, 1), EvidenceDecision.Accepted);

        // 30 November 2026: the renewal is not issued yet; the old one runs until 10 January 2027.
        Assert.Equal(D(2027, 1, 10), Certificate(D(2026, 11, 30), old, renewed).Day);
        // 15 December 2026: both are valid; the longest runs until 1 December 2029.
        Assert.Equal(new RequirementState(RequirementStateKind.Met, RequirementStateReason.EvidenceValid, D(2029, 12, 1)), Certificate(D(2026, 12, 15), old, renewed));
        // The old one's expiry day: still met, by the renewal.
        Assert.Equal(RequirementStateKind.Met, Certificate(D(2027, 1, 10), old, renewed).Kind);
        // The renewal's own expiry day: expired on 1 December 2029.
        Assert.Equal(new RequirementState(RequirementStateKind.EvidenceExpired, RequirementStateReason.EvidenceExpired, D(2029, 12, 1)), Certificate(D(2029, 12, 1), old, renewed));
    }

    [Fact]
    public void RejectedEvidence_IsNotMet_UntilNewEvidenceIsPendingAndThenAccepted()
    {
        var rejected = Evidence(D(2026, 4, 5), D(2029, 4, 5), EvidenceDecision.Rejected);
        var pending = Evidence(D(2026, 4, 20), D(2029, 4, 20), EvidenceDecision.Pending);
        var accepted = pending with { Decision = EvidenceDecision.Accepted };

        Assert.Equal(new RequirementState(RequirementStateKind.NotMet, RequirementStateReason.EvidenceRejected, D(2026, 4, 5)), Certificate(D(2026, 4, 10), rejected));
        Assert.Equal(new RequirementState(RequirementStateKind.Unknown, RequirementStateReason.EvidencePending), Certificate(D(2026, 4, 25), rejected, pending));
        Assert.Equal(new RequirementState(RequirementStateKind.Met, RequirementStateReason.EvidenceValid, D(2029, 4, 20)), Certificate(D(2026, 4, 25), rejected, accepted));
    }

    [Fact]
    public void ARenewalRejectedAfterTheExpiry_IsNotMet_ButOneRejectedBeforeItLeavesItExpired()
    {
        var old = Evidence(D(2026, 1, 10), D(2027, 1, 10), EvidenceDecision.Accepted);
        var rejectedAfter = Evidence(D(2027, 1, 20), D(2030, 1, 20), EvidenceDecision.Rejected);
        var rejectedBefore = Evidence(D(2026, 12, 20), D(2029, 12, 20), EvidenceDecision.Rejected);

        Assert.Equal(new RequirementState(RequirementStateKind.NotMet, RequirementStateReason.EvidenceRejected, D(2027, 1, 20)), Certificate(D(2027, 2, 1), old, rejectedAfter));
        Assert.Equal(new RequirementState(RequirementStateKind.EvidenceExpired, RequirementStateReason.EvidenceExpired, D(2027, 1, 10)), Certificate(D(2027, 2, 1), old, rejectedBefore));
    }

    [Fact]
    public void EvidenceForSomeEvses_LeavesTheOthersUncovered_AndTheEarliestEndCounts()
    {
        var forOne = Evidence(D(2026, 2, 1), D(2029, 2, 1), EvidenceDecision.Accepted, One);
        var forTwo = Evidence(D(2026, 3, 1), D(2026, 9, 1), EvidenceDecision.Accepted, Two);

        var onlyOne = Certificate(D(2026, 5, 1), forOne);
        Assert.Equal(RequirementStateKind.NotMet, onlyOne.Kind);
        Assert.Equal(RequirementStateReason.EvsesNotCovered, onlyOne.Reason);
        Assert.Equal([Two], onlyOne.Uncovered);
        // L1/1 is covered until 1 February 2029, L1/2 until 1 September 2026: met until the earlier.
        Assert.Equal(new RequirementState(RequirementStateKind.Met, RequirementStateReason.EvidenceValid, D(2026, 9, 1)), Certificate(D(2026, 5, 1), forOne, forTwo));
    }

    [Fact]
    public void AMeasuredRequirement_IsJudgedByTheLatestMeasurementAgainstTheContractsThreshold()
    {
        // SC-5: connectivity at least 98 % (catalogue); May 2026 measured 98.5 %, June 97.9 %.
        AttachedThreshold[] catalogue = [new("backend_connectivity", "min_percent", 98, 98)];
        AttachedThreshold[] tightened = [new("backend_connectivity", "min_percent", 98, 99)];
        Measurement[] measured = [new("backend_connectivity", 98.5m, D(2026, 5, 31)), new("backend_connectivity", 97.9m, D(2026, 6, 30))];
        RequirementState On(DateOnly day, AttachedThreshold[] thresholds, Measurement[] measurements) =>
            RequirementStateRule.On(day, VerificationKind.OcpiData, thresholds, [], measurements, Covered, DueFrom);

        // In June only May's figure is known: 98.5 ≥ 98 meets the catalogue's threshold ...
        Assert.Equal(new RequirementState(RequirementStateKind.Met, RequirementStateReason.ThresholdsMet), On(D(2026, 6, 15), catalogue, measured));
        // ... but not the contract's tightened 99.
        Assert.Equal(new RequirementState(RequirementStateKind.NotMet, RequirementStateReason.ThresholdMissed, D(2026, 5, 31), "backend_connectivity", 98.5m, 99m),
            On(D(2026, 6, 15), tightened, measured));
        // From 30 June, June's 97.9 misses even the catalogue's 98.
        Assert.Equal(97.9m, On(D(2026, 6, 30), catalogue, measured).Measured);
        // Nothing measured yet: unknown, and no evidence is due from the CPO for OCPI data.
        Assert.Equal(new RequirementState(RequirementStateKind.Unknown, RequirementStateReason.AwaitingOcpiData), On(D(2026, 6, 15), catalogue, []));
    }

    [Fact]
    public void AMaximum_IsMetAtItsValue_AndMissedAboveIt()
    {
        // POR-5 at most 13.8 kW, tightened to 11 kW: 11 is met, 11.1 is not.
        AttachedThreshold[] power = [new("max_power_per_charge_point", "max_kw", 13.8m, 11m)];

        Assert.Equal(RequirementStateKind.Met, RequirementStateRule.On(D(2026, 6, 1), VerificationKind.FieldAudit, power, [], [new("max_power_per_charge_point", 11m, D(2026, 5, 1))], Covered, DueFrom).Kind);
        Assert.Equal(RequirementStateKind.NotMet, RequirementStateRule.On(D(2026, 6, 1), VerificationKind.FieldAudit, power, [], [new("max_power_per_charge_point", 11.1m, D(2026, 5, 1))], Covered, DueFrom).Kind);
    }

    [Fact]
    public void AFieldAuditWithoutThresholds_IsUnknownUntilAnAuditReportIsAccepted()
    {
        var report = Evidence(D(2026, 6, 1), null, EvidenceDecision.Accepted);

        Assert.Equal(new RequirementState(RequirementStateKind.Unknown, RequirementStateReason.AwaitingFieldAudit),
            RequirementStateRule.On(D(2026, 7, 1), VerificationKind.FieldAudit, [], [], [], Covered, DueFrom));
        // A report without expiry holds with no end day.
        Assert.Equal(new RequirementState(RequirementStateKind.Met, RequirementStateReason.EvidenceValid),
            RequirementStateRule.On(D(2026, 7, 1), VerificationKind.FieldAudit, [], [report], [], Covered, DueFrom));
    }

    [Fact]
    public void ADeclaration_WithoutEvidence_IsDueLikeACertificate()
    {
        Assert.Equal(RequirementStateKind.EvidenceDue, RequirementStateRule.On(D(2026, 7, 1), VerificationKind.Declaration, [], [], [], Covered, DueFrom).Kind);
    }
}
