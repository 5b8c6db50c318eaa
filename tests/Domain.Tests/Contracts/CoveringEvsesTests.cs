using Portal.Domain.Common;
using Portal.Domain.Contracts;
using static Portal.Domain.Tests.Contracts.ContractTestData;

namespace Portal.Domain.Tests.Contracts;

public sealed class CoveringEvsesTests
{
    private static EvseRef E(string location, string uid) => new(location, uid);

    [Fact]
    public void Coverage_IsTheMunicipalitiesEvses_PlusAdditions_MinusExclusions()
    {
        var contract = DraftContract();
        // In the municipalities: L1 (two EVSEs) and L2 (one). Elsewhere, the operator runs L9 with two EVSEs.
        EvseRef[] inMunicipalities = [E("L1", "1"), E("L1", "2"), E("L2", "1")];
        EvseRef[] known = [.. inMunicipalities, E("L9", "1"), E("L9", "2")];
        contract.AddCoverageRule(CoverageRuleKind.Addition, new EvseRef("L9", null), Officer, Now);   // all of L9
        contract.AddCoverageRule(CoverageRuleKind.Addition, E("L10", "A"), Officer, Now);           // not yet in any feed
        contract.AddCoverageRule(CoverageRuleKind.Exclusion, E("L1", "2"), Officer, Now);
        contract.AddCoverageRule(CoverageRuleKind.Exclusion, new EvseRef("L2", null), Officer, Now); // the whole location

        var covered = ContractCoverage.Resolve(inMunicipalities, known, contract.CoverageRules);

        // L1/1 stays; L1/2 and L2 go; L9/1, L9/2 and L10/A come.
        Assert.Equal([E("L1", "1"), E("L10", "A"), E("L9", "1"), E("L9", "2")], covered);
    }

    [Fact]
    public void ARuleForTheSameTarget_ReplacesTheOpposite_AndATwinIsRefused()
    {
        var contract = DraftContract();
        contract.AddCoverageRule(CoverageRuleKind.Addition, E("L9", "1"), Officer, Now);

        contract.AddCoverageRule(CoverageRuleKind.Exclusion, E("L9", "1"), Officer, Now);

        Assert.Equal(CoverageRuleKind.Exclusion, Assert.Single(contract.CoverageRules).Kind);
        Assert.Equal(DomainRule.CoverageRuleExists, Assert.Throws<DomainRuleViolated>(() => contract.AddCoverageRule(CoverageRuleKind.Exclusion, E("L9", "1"), Officer, Now)).Rule);
    }

    [Fact]
    public void AnEvse_IsInScopeFromGoLiveUpToTheDayBeforeDecommissioning()
    {
        var contract = DraftContract();

        contract.SetEvseRecord(E("L1", "1"), new DateOnly(2026, 5, 1), new DateOnly(2030, 1, 1), "paal-7", Officer, Now);

        var record = Assert.Single(contract.EvseRecords);
        Assert.False(record.IsInScopeOn(new DateOnly(2026, 4, 30)));
        Assert.True(record.IsInScopeOn(new DateOnly(2026, 5, 1)));
        Assert.True(record.IsInScopeOn(new DateOnly(2029, 12, 31)));
        Assert.False(record.IsInScopeOn(new DateOnly(2030, 1, 1)));
        Assert.Equal(DomainRule.CoverageDatesReversed,
            Assert.Throws<DomainRuleViolated>(() => contract.SetEvseRecord(E("L1", "1"), new DateOnly(2026, 5, 1), new DateOnly(2026, 5, 1), null, Officer, Now)).Rule);
        Assert.Equal(new DateOnly(2030, 1, 1), record.DecommissionedOn);
    }

    [Fact]
    public void SimultaneityGroups_AreGroupsOfTwoOrMore()
    {
        var contract = DraftContract();
        contract.SetEvseRecord(E("L1", "1"), null, null, "outlet-A", Officer, Now);
        contract.SetEvseRecord(E("L1", "2"), null, null, "outlet-A", Officer, Now);
        contract.SetEvseRecord(E("L2", "1"), null, null, "outlet-B", Officer, Now);
        contract.SetEvseRecord(E("L3", "1"), null, null, " ", Officer, Now);

        var groups = ContractCoverage.SimultaneityGroups(contract.EvseRecords);

        // outlet-B has one EVSE, so it groups nothing; the blank group is no group.
        var group = Assert.Single(groups);
        Assert.Equal("outlet-A", group.Key);
        Assert.Equal([E("L1", "1"), E("L1", "2")], group.Value);
    }

    [Fact]
    public void TypedIds_AreTrimmedAndChecked()
    {
        Assert.Equal(new EvseRef("LOC1", null), EvseRef.Parse(" LOC1 ", "  "));
        Assert.Equal(DomainRule.CoverageLocationMissing, Assert.Throws<DomainRuleViolated>(() => EvseRef.Parse(" ", "1")).Rule);
        Assert.Equal(DomainRule.CoverageIdTooLong, Assert.Throws<DomainRuleViolated>(() => EvseRef.Parse(new string('x', 37), null)).Rule);
    }

    [Fact]
    public void ATypedList_IsSplitOnLinesCommasAndSemicolons_IntoWholeLocationsAndSingleEvses()
    {
        // Three entries: a single EVSE, a whole location, another EVSE; blank pieces between separators are dropped.
        Assert.Equal([new EvseRef("LOC1", "1"), new EvseRef("LOC2", null), new EvseRef("LOC3", "A-2")],
            EvseRef.ParseList(" LOC1/1 ,\r\nLOC2;; LOC3/A-2\n"));
        Assert.Empty(EvseRef.ParseList(null));
        Assert.Equal(DomainRule.CoverageLocationMissing, Assert.Throws<DomainRuleViolated>(() => EvseRef.ParseList("LOC1/1, /2").ToList()).Rule);
    }
}
