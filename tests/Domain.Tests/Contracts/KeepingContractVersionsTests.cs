using Portal.Domain.Common;
using Portal.Domain.Contracts;
using static Portal.Domain.Tests.Contracts.ContractTestData;

namespace Portal.Domain.Tests.Contracts;

public sealed class KeepingContractVersionsTests
{
    [Fact]
    public void ANewContract_IsADraftWithOneVersionAndItsCreationInHistory()
    {
        var contract = DraftContract();

        Assert.Equal(ContractStatus.Draft, contract.StatusOn(new DateOnly(2026, 6, 1)));
        var version = Assert.Single(contract.Versions);
        Assert.Equal(1, version.Number);
        Assert.False(version.IsSigned);
        Assert.Equal([Arnhem, Renkum], contract.MunicipalityIds.Order());
        Assert.Equal(Arnhem, contract.LeadMunicipalityId);
        var created = Assert.Single(contract.History);
        Assert.Equal(ContractChangeKind.Created, created.Kind);
        Assert.Equal("Anna de Vries", created.ByName);
    }

    [Fact]
    public void TheLeadMunicipality_MustBeOneOfTheContractsMunicipalities()
    {
        var registration = Regional() with { LeadMunicipalityId = Guid.NewGuid() };

        var e = Assert.Throws<DomainRuleViolated>(() => Contract.Draft(registration, Period(new DateOnly(2026, 4, 1), new DateOnly(2030, 1, 1)), new ContractTerms(), Officer, Now));
        Assert.Equal(DomainRule.ContractLeadNotMember, e.Rule);
    }

    [Fact]
    public void AVersion_EndsAfterItStarts()
    {
        // 1 April to 1 April is no period at all.
        var e = Assert.Throws<DomainRuleViolated>(() => Contract.Draft(Regional(), Period(new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 1)), new ContractTerms(), Officer, Now));
        Assert.Equal(DomainRule.ContractEndNotAfterStart, e.Rule);
    }

    [Fact]
    public void SigningFreezesTheVersion_AndRecordsWhoAndWhen()
    {
        var contract = DraftContract();
        var version = contract.Versions[0];

        contract.Sign(version.Id, new DateOnly(2026, 3, 1), "J. Jansen, wethouder", Officer, Now);

        Assert.True(version.IsSigned);
        Assert.Equal("J. Jansen, wethouder", version.SignedBy);
        Assert.Equal(Officer.UserId, version.SignedByUserId);
        Assert.Equal(Now, version.SignedAtUtc);
        var e = Assert.Throws<DomainRuleViolated>(() => contract.ChangeTerms(version.Id, new ContractTerms { AvailabilityPercentPerYear = 97 }, Officer, Now));
        Assert.Equal(DomainRule.ContractVersionSigned, e.Rule);
        Assert.Equal(DomainRule.ContractVersionSigned, Assert.Throws<DomainRuleViolated>(() => contract.AttachRequirement(version.Id, Certificate, Officer, Now)).Rule);
        Assert.Equal(DomainRule.ContractRegistrationFixed, Assert.Throws<DomainRuleViolated>(() => contract.ChangeRegistration(Regional("OTHER"), Officer, Now)).Rule);
        Assert.Equal([ContractChangeKind.Created, ContractChangeKind.Signed], contract.History.Select(h => h.Kind));
    }

    [Fact]
    public void ASignatureInTheFuture_IsRefused()
    {
        // Now is 2 March 2026 (09:00 UTC, 10:00 in Arnhem): 3 March has not happened yet.
        var contract = DraftContract();

        var e = Assert.Throws<DomainRuleViolated>(() => contract.Sign(contract.Versions[0].Id, new DateOnly(2026, 3, 3), "J. Jansen", Officer, Now));
        Assert.Equal(DomainRule.DateInFuture, e.Rule);
    }

    [Fact]
    public void TheVersionInForce_IsTheSignedOneThatStartedLatest_AndNoneAfterItsEnd()
    {
        // Version 1 runs 1 April 2026 to 31 March 2034; the amendment (version 2) starts 1 January 2028 and keeps the end.
        var contract = DraftContract();
        var first = contract.Versions[0];
        contract.Sign(first.Id, new DateOnly(2026, 3, 1), "J. Jansen", Officer, Now);
        var amendment = contract.DraftAmendment(new DateOnly(2028, 1, 1), Officer, Now);

        // The amendment is a draft: version 1 still governs 2028.
        Assert.Same(first, contract.VersionInForceOn(new DateOnly(2028, 6, 1)));
        contract.Sign(amendment.Id, new DateOnly(2026, 3, 2), "J. Jansen", Officer, Now);

        Assert.Null(contract.VersionInForceOn(new DateOnly(2026, 3, 31)));          // before the start
        Assert.Same(first, contract.VersionInForceOn(new DateOnly(2026, 4, 1)));     // first day
        Assert.Same(first, contract.VersionInForceOn(new DateOnly(2027, 12, 31)));   // the day before the amendment
        Assert.Same(amendment, contract.VersionInForceOn(new DateOnly(2028, 1, 1))); // the amendment's first day
        Assert.Same(amendment, contract.VersionInForceOn(new DateOnly(2034, 3, 31))); // last day
        Assert.Null(contract.VersionInForceOn(new DateOnly(2034, 4, 1)));           // ended
        Assert.Equal(ContractStatus.Upcoming, contract.StatusOn(new DateOnly(2026, 3, 31)));
        Assert.Equal(ContractStatus.InForce, contract.StatusOn(new DateOnly(2030, 1, 1)));
        Assert.Equal(ContractStatus.Ended, contract.StatusOn(new DateOnly(2034, 4, 1)));
    }

    [Fact]
    public void AnAmendment_StartsAfterThePreviousVersionsStart_AndCopiesItsTermsAndRequirements()
    {
        var contract = DraftContract();
        var first = contract.Versions[0];
        contract.ChangeTerms(first.Id, new ContractTerms { AvailabilityPercentPerYear = 97, TariffCaps = new TariffCaps { MaxPerKwh = 0.45m } }, Officer, Now);
        contract.AttachRequirement(first.Id, Connectivity, Officer, Now);
        contract.Sign(first.Id, new DateOnly(2026, 3, 1), "J. Jansen", Officer, Now);

        // On the previous start itself is not after it.
        Assert.Equal(DomainRule.AmendmentStartNotLater, Assert.Throws<DomainRuleViolated>(() => contract.DraftAmendment(new DateOnly(2026, 4, 1), Officer, Now)).Rule);
        var amendment = contract.DraftAmendment(new DateOnly(2026, 4, 2), Officer, Now);

        Assert.Equal(2, amendment.Number);
        Assert.Equal(new DateOnly(2034, 3, 31), amendment.EndsOn);
        Assert.Equal(97, amendment.Terms.AvailabilityPercentPerYear);
        Assert.Equal(0.45m, amendment.Terms.TariffCaps.MaxPerKwh);
        Assert.Equal("SC-5", Assert.Single(amendment.Requirements).Code);
        // Only one draft at a time.
        Assert.Equal(DomainRule.ContractDraftVersionOpen, Assert.Throws<DomainRuleViolated>(() => contract.DraftAmendment(new DateOnly(2027, 1, 1), Officer, Now)).Rule);
        // Changing the amendment leaves the signed version alone.
        contract.ChangeTerms(amendment.Id, amendment.Terms with { AvailabilityPercentPerYear = 98 }, Officer, Now);
        Assert.Equal(97, first.Terms.AvailabilityPercentPerYear);
        var moved = Assert.Throws<DomainRuleViolated>(() => contract.ChangePeriod(amendment.Id, Period(new DateOnly(2026, 3, 1), new DateOnly(2034, 3, 31)), Officer, Now));
        Assert.Equal(DomainRule.AmendmentStartNotLater, moved.Rule);
    }

    [Fact]
    public void ExtensionOptions_AreACountOfYearsOrWordsWithALastDay()
    {
        // 2 × 2 years after 31 March 2034 → 31 March 2038.
        var counted = new ExtensionOption { Count = 2, YearsEach = 2 };
        Assert.Equal(new DateOnly(2038, 3, 31), counted.LastPossibleDay(new DateOnly(2034, 3, 31)));
        var contract = DraftContract();
        var version = contract.Versions[0];

        contract.ChangePeriod(version.Id, new ContractPeriod(version.StartsOn, version.EndsOn, new ExtensionOption { Text = "Eenmaal, in overleg", Until = new DateOnly(2036, 12, 31) }, null, null), Officer, Now);

        Assert.Equal(new DateOnly(2036, 12, 31), version.Extension.LastPossibleDay(version.EndsOn));
        var noDay = new ContractPeriod(version.StartsOn, version.EndsOn, new ExtensionOption { Text = "Eenmaal" }, null, null);
        Assert.Equal(DomainRule.ContractExtensionInvalid, Assert.Throws<DomainRuleViolated>(() => contract.ChangePeriod(version.Id, noDay, Officer, Now)).Rule);
        var countOnly = new ContractPeriod(version.StartsOn, version.EndsOn, new ExtensionOption { Count = 2 }, null, null);
        Assert.Equal(DomainRule.ContractExtensionInvalid, Assert.Throws<DomainRuleViolated>(() => contract.ChangePeriod(version.Id, countOnly, Officer, Now)).Rule);
    }

    [Fact]
    public void EveryChange_IsAHistoryEntryWithWhatChanged()
    {
        var contract = DraftContract();
        var version = contract.Versions[0];

        contract.ChangeTerms(version.Id, new ContractTerms { AvailabilityPercentPerYear = 97 }, Officer, Now);
        contract.AddPenalty(version.Id, ContractTerm.Availability, 500m, "€ 500 per begonnen procentpunt onder de norm", Officer, Now);

        var terms = contract.History[1];
        Assert.Equal(ContractChangeKind.TermsChanged, terms.Kind);
        Assert.Equal(1, terms.VersionNumber);
        Assert.Equal("availability_percent_year: 95 → 97", terms.Detail);
        Assert.Equal("+ penalty Availability 500", contract.History[2].Detail);
        Assert.Equal(500m, Assert.Single(version.Penalties).AmountEuro);
    }

    [Fact]
    public void TermsOutOfRange_AreRefusedWithTheTerm()
    {
        var contract = DraftContract();
        var version = contract.Versions[0];

        var e = Assert.Throws<DomainRuleViolated>(() => contract.ChangeTerms(version.Id, new ContractTerms { ConnectivityPercentPerMonth = 101 }, Officer, Now));
        Assert.Equal(DomainRule.ContractTermOutOfRange, e.Rule);
        Assert.Equal(ContractTerm.Connectivity, e.Arguments[0]);
        var smart = new ContractTerms { SmartCharging = new SmartChargingObligation { Required = true } };
        Assert.Equal(ContractTerm.SmartCharging, Assert.Throws<DomainRuleViolated>(() => contract.ChangeTerms(version.Id, smart, Officer, Now)).Arguments[0]);
        Assert.Equal(95, version.Terms.AvailabilityPercentPerYear);
    }
}
