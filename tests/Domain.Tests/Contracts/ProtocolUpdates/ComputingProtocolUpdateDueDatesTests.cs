using Portal.Domain.Contracts;
using Portal.Domain.Contracts.ProtocolUpdates;
using Portal.Domain.Requirements;
using static Portal.Domain.Tests.Contracts.ContractTestData;

namespace Portal.Domain.Tests.Contracts.ProtocolUpdates;

/// <summary>
/// The contract in these tests: a concession from 1 April 2026 to 31 March 2034, with ElaadNL G-3 (major 18 months,
/// minor 6 months) and SC-6, whose standard is "OCPP 2.0.1 (IEC 63584:2024)", so OCPP is a required protocol.
/// </summary>
public sealed class ComputingProtocolUpdateDueDatesTests
{
    private static readonly RequirementKey G3 = new("elaad-2025", "G-3");
    private static readonly RequirementKey Sc6 = new("elaad-2025", "SC-6");
    private static readonly DateTime Recorded = new(2030, 1, 1, 8, 0, 0, DateTimeKind.Utc);

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    private static readonly Requirement UpdateRequirement = new(G3, 3, "generic", "heading", "summary", [], [], [],
        [Threshold(ProtocolUpdateDeadline.MajorMetric, "max_months", 18), Threshold(ProtocolUpdateDeadline.MinorMetric, "max_months", 6)],
        VerificationKind.Certificate, "how", [], null);

    private static readonly Requirement OcppCertificate = new(Sc6, 6, "smart-charging-all", "heading", "summary", [], ["OCPP 2.0.1 (IEC 63584:2024)"], [], [],
        VerificationKind.Certificate, "how", [], null);

    private static IReadOnlyList<string> StandardsOf(RequirementKey key) => key == Sc6 ? OcppCertificate.Standards : [];

    private static Contract Signed(Action<Contract, Guid>? beforeSigning = null, bool withUpdateRequirement = true)
    {
        var contract = DraftContract();
        var version = contract.Versions.Single().Id;
        if (withUpdateRequirement)
            contract.AttachRequirement(version, UpdateRequirement, Officer, Now);
        contract.AttachRequirement(version, OcppCertificate, Officer, Now);
        beforeSigning?.Invoke(contract, version);
        contract.Sign(version, D(2026, 3, 1), "Wethouder", Officer, Now);
        return contract;
    }

    private static ProtocolCertification Certified(string protocol, string version, ProtocolUpdateKind kind, DateOnly availableOn, DateTime? recordedAt = null) =>
        ProtocolCertification.Record(protocol, version, kind, availableOn, "OCA announcement", "admin-1", "Beheerder", recordedAt ?? Recorded);

    private static ProtocolUpdateEvidence Evidence(string standard, EvidenceDecision decision, DateOnly? decidedOn, RequirementKey? requirement = null) =>
        new(Guid.NewGuid(), requirement ?? G3, standard, $"Certificaat {standard}", decision, decidedOn);

    private static ContractProtocolUpdate Only(Contract contract, ProtocolCertification certification, DateOnly today, params ProtocolUpdateEvidence[] evidence) =>
        Assert.Single(ProtocolUpdateRule.For(contract, StandardsOf, [certification], evidence, today));

    [Fact]
    public void AMajorUpdate_IsDueEighteenMonthsAfterCertification()
    {
        // OCPP 2.1 certified 15 June 2026, within the contract: 15 June 2026 + 18 months = 15 December 2027; open on 1 July 2026.
        var update = Only(Signed(), Certified("OCPP", "2.1", ProtocolUpdateKind.Major, D(2026, 6, 15)), D(2026, 7, 1));

        Assert.Equal((G3, "OCPP 2.1", D(2026, 6, 15), 18, D(2027, 12, 15), ProtocolUpdateState.Open),
            (update.Requirement, update.Name, update.CountedFrom, update.Months, update.DueOn, update.State));
        Assert.Equal(532, update.DaysLeft(D(2026, 7, 1)));   // 1 July 2026 to 1 July 2027: 365 days; then July 31 + August 31 + September 30 + October 31 + November 30 + 14 = 167
    }

    [Fact]
    public void AMinorUpdate_IsDueSixMonthsLater_OnTheMonthsLastDayWhenItIsShorter()
    {
        // 31 August 2026 + 6 months: February 2027 has 28 days, so 28 February; 31 August 2027 + 6: 29 February 2028 (leap year).
        var contract = Signed();
        Assert.Equal(D(2027, 2, 28), Only(contract, Certified("OCPP", "2.0.2", ProtocolUpdateKind.Minor, D(2026, 8, 31)), D(2026, 9, 1)).DueOn);
        Assert.Equal(D(2028, 2, 29), Only(contract, Certified("OCPP", "2.1.1", ProtocolUpdateKind.Minor, D(2027, 8, 31)), D(2027, 9, 1)).DueOn);
    }

    [Fact]
    public void CertificationBeforeTheContract_CountsFromTheContractsStart()
    {
        // Certified 10 January 2025, the contract (with G-3) starts 1 April 2026: counted from 1 April 2026, due 1 October 2027.
        var update = Only(Signed(), Certified("OCPP", "2.1", ProtocolUpdateKind.Major, D(2025, 1, 10)), D(2026, 4, 2));

        Assert.Equal((D(2025, 1, 10), D(2026, 4, 1), D(2027, 10, 1)), (update.CertificationAvailableOn, update.CountedFrom, update.DueOn));
    }

    [Fact]
    public void ATightenedThreshold_ShortensTheTerm()
    {
        // Major tightened from 18 to 12 months: 15 June 2026 + 12 = 15 June 2027; minor to 3.5 months counts as 3: 31 August 2026 + 3 = 30 November 2026.
        var contract = Signed((c, v) =>
        {
            c.TightenThreshold(v, G3, ProtocolUpdateDeadline.MajorMetric, "max_months", 12, Officer, Now);
            c.TightenThreshold(v, G3, ProtocolUpdateDeadline.MinorMetric, "max_months", 3.5m, Officer, Now);
        });

        var major = Only(contract, Certified("OCPP", "2.1", ProtocolUpdateKind.Major, D(2026, 6, 15)), D(2026, 7, 1));
        var minor = Only(contract, Certified("OCPP", "2.0.2", ProtocolUpdateKind.Minor, D(2026, 8, 31)), D(2026, 9, 1));

        Assert.Equal((12, D(2027, 6, 15)), (major.Months, major.DueOn));
        Assert.Equal((3, D(2026, 11, 30)), (minor.Months, minor.DueOn));
    }

    [Fact]
    public void AcceptedEvidenceNamingTheVersion_ClosesIt_OnTimeOrLate()
    {
        // Due 15 December 2027. Accepted 15 December 2027 (the due day itself): closed on time; accepted 16 December: closed late.
        var contract = Signed();
        var ocpp21 = Certified("OCPP", "2.1", ProtocolUpdateKind.Major, D(2026, 6, 15));
        var onTime = Evidence("ocpp  2.1 (IEC 63584-2)", EvidenceDecision.Accepted, D(2027, 12, 15));
        var late = Evidence("OCPP 2.1", EvidenceDecision.Accepted, D(2027, 12, 16));

        var closed = Only(contract, ocpp21, D(2028, 1, 10), onTime);
        var closedLate = Only(contract, ocpp21, D(2028, 1, 10), late);

        Assert.Equal((ProtocolUpdateState.Closed, onTime.Id, D(2027, 12, 15)), (closed.State, closed.ClosedByEvidenceId, closed.ClosedOn));
        Assert.Equal((ProtocolUpdateState.ClosedLate, late.Id, D(2027, 12, 16)), (closedLate.State, closedLate.ClosedByEvidenceId, closedLate.ClosedOn));
        // With both, the earlier acceptance closes it.
        Assert.Equal(onTime.Id, Only(contract, ocpp21, D(2028, 1, 10), late, onTime).ClosedByEvidenceId);
    }

    [Fact]
    public void RejectedPendingOtherVersionOrOtherRequirementEvidence_ClosesNothing()
    {
        // Due 15 December 2027; on 16 December nothing accepted names OCPP 2.1 for G-3: overdue.
        var update = Only(Signed(), Certified("OCPP", "2.1", ProtocolUpdateKind.Major, D(2026, 6, 15)), D(2027, 12, 16),
            Evidence("OCPP 2.1", EvidenceDecision.Rejected, D(2027, 11, 1)),
            Evidence("OCPP 2.1", EvidenceDecision.Pending, null),
            Evidence("OCPP 2.1.1", EvidenceDecision.Accepted, D(2027, 11, 1)),
            Evidence("OCPP 2.10", EvidenceDecision.Accepted, D(2027, 11, 1)),
            Evidence("OCPP 2.1", EvidenceDecision.Accepted, D(2027, 11, 1), Sc6));

        Assert.Equal((ProtocolUpdateState.Overdue, (Guid?)null), (update.State, update.ClosedByEvidenceId));
    }

    [Fact]
    public void OnTheDueDay_ItIsStillOpen_TheDayAfterOverdue()
    {
        var contract = Signed();
        var ocpp21 = Certified("OCPP", "2.1", ProtocolUpdateKind.Major, D(2026, 6, 15));

        Assert.Equal(ProtocolUpdateState.Open, Only(contract, ocpp21, D(2027, 12, 15)).State);
        Assert.Equal(ProtocolUpdateState.Overdue, Only(contract, ocpp21, D(2027, 12, 16)).State);
    }

    [Fact]
    public void OnlyRequiredProtocols_CurrentRecords_AndContractsWithTheRequirement_GiveDueDates()
    {
        var contract = Signed();
        var today = D(2026, 7, 1);
        // OCPI is named by no attached requirement; "OCPPX" is not OCPP.
        Assert.Empty(ProtocolUpdateRule.For(contract, StandardsOf,
            [Certified("OCPI", "2.3", ProtocolUpdateKind.Minor, D(2026, 6, 1)), Certified("OCPPX", "1", ProtocolUpdateKind.Major, D(2026, 6, 1))], [], today));
        // A withdrawn version gives nothing; a corrected date (a newer record) replaces the first: 1 June 2026 + 18 months = 1 December 2027.
        var wrong = Certified("OCPP", "2.1", ProtocolUpdateKind.Major, D(2026, 5, 1), Recorded);
        var corrected = Certified("ocpp", "2.1", ProtocolUpdateKind.Major, D(2026, 6, 1), Recorded.AddHours(1));
        var other = Certified("OCPP", "2.2", ProtocolUpdateKind.Major, D(2026, 6, 1), Recorded);
        var withdrawn = other.Withdraw("Recorded by mistake", "admin-1", "Beheerder", Recorded.AddHours(2));
        Assert.Equal([D(2027, 12, 1)], ProtocolUpdateRule.For(contract, StandardsOf, [wrong, corrected, other, withdrawn], [], today).Select(u => u.DueOn));
        // Without G-3 attached nothing is due.
        Assert.Empty(ProtocolUpdateRule.For(Signed(withUpdateRequirement: false), StandardsOf, [corrected], [], today));
    }

    [Fact]
    public void ADraftOnlyOrEndedContract_HasNothingDue_AnUpcomingOneCountsFromItsStart()
    {
        var certification = Certified("OCPP", "2.1", ProtocolUpdateKind.Major, D(2025, 1, 10));
        var draft = DraftContract();
        draft.AttachRequirement(draft.Versions.Single().Id, UpdateRequirement, Officer, Now);
        draft.AttachRequirement(draft.Versions.Single().Id, OcppCertificate, Officer, Now);

        Assert.Empty(ProtocolUpdateRule.For(draft, StandardsOf, [certification], [], D(2026, 7, 1)));
        // After 31 March 2034 the contract has ended.
        Assert.Empty(ProtocolUpdateRule.For(Signed(), StandardsOf, [certification], [], D(2034, 4, 1)));
        // On 2 March 2026, before the start on 1 April 2026: the version starting next counts, from its start.
        Assert.Equal(D(2027, 10, 1), Only(Signed(), certification, D(2026, 3, 2)).DueOn);
    }

    [Fact]
    public void AnAmendment_KeepsCountingFromWhenTheObligationBegan_WithItsOwnMonths()
    {
        // Version 1 from 1 April 2026 with G-3 (18 months); the amendment from 1 January 2027 tightens major to 12 months.
        // OCPP 2.1 certified 10 January 2025: counted from 1 April 2026 (version 1's start), 12 months: due 1 April 2027.
        var contract = Signed();
        var amendment = contract.DraftAmendment(D(2027, 1, 1), Officer, Now);
        contract.TightenThreshold(amendment.Id, G3, ProtocolUpdateDeadline.MajorMetric, "max_months", 12, Officer, Now);
        contract.Sign(amendment.Id, D(2026, 3, 1), "Wethouder", Officer, Now);

        var update = Only(contract, Certified("OCPP", "2.1", ProtocolUpdateKind.Major, D(2025, 1, 10)), D(2027, 2, 1));

        Assert.Equal((D(2026, 4, 1), 12, D(2027, 4, 1)), (update.CountedFrom, update.Months, update.DueOn));
    }
}
