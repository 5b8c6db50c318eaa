using Portal.Domain.Common;
using Portal.Domain.Contracts;
using Portal.Domain.Contracts.Power;
using static Portal.Domain.Tests.Contracts.ContractTestData;

namespace Portal.Domain.Tests.Contracts.Power;

public sealed class FindingAnEvsesPowerLimitsTests
{
    private static readonly EvseRef Evse1 = new("LOC-1", "1"), Evse2 = new("LOC-1", "2"), Elsewhere = new("LOC-2", "1");

    private static Contract WithTerms(decimal? contractKw)
    {
        var contract = Contract.Draft(Regional(), Period(new DateOnly(2026, 4, 1), new DateOnly(2034, 3, 31)),
            new ContractTerms { MaxPowerPerChargePointKw = contractKw }, Officer, Now);
        return contract;
    }

    [Fact]
    public void EverySource_GivesItsValue_AndTheLowestApplies()
    {
        // Contract 22 kW; grid: location LOC-1 17.3 kW and EVSE LOC-1/1 13 kW, so 13 for EVSE 1 and 17.3 for EVSE 2;
        // POR-5 tightened from 13.8 to 11 kW; the charge point 22 000 W = 22 kW. EVSE 1: 11 (requirement); EVSE 2 the same.
        var contract = WithTerms(22m);
        var version = contract.Versions.Single();
        contract.AttachRequirement(version.Id, MaxPower, Officer, Now);
        contract.TightenThreshold(version.Id, MaxPower.Key, "max_power_per_charge_point", "max_kw", 11m, Officer, Now);
        contract.SetGridConnection(new EvseRef("LOC-1", null), 17.3m, Officer, Now);
        contract.SetGridConnection(Evse1, 13m, Officer, Now);

        var one = EvsePowerLimits.For(Evse1, version, contract.GridConnections, 22_000);
        var two = EvsePowerLimits.For(Evse2, version, contract.GridConnections, 22_000);

        Assert.Equal([new PowerLimit(PowerLimitSource.Contract, 22m), new PowerLimit(PowerLimitSource.GridConnection, 13m),
            new PowerLimit(PowerLimitSource.Requirement, 11m), new PowerLimit(PowerLimitSource.ChargePoint, 22m)], one);
        Assert.Equal(17.3m, two.Single(l => l.Source == PowerLimitSource.GridConnection).Kw);
        Assert.Equal(11m, MaximumPower.Of(one)!.Kw);
        Assert.Equal([PowerLimitSource.Requirement], MaximumPower.Of(one)!.Sources);
    }

    [Fact]
    public void TheChargePointsWatts_BecomeKilowatts_AndTheGridOfAnotherLocationDoesNotCount()
    {
        // 11 040 W (3 × 16 A × 230 V) = 11.04 kW; the grid record is for LOC-1 only.
        var contract = WithTerms(null);
        contract.SetGridConnection(new EvseRef("LOC-1", null), 9m, Officer, Now);

        var limits = EvsePowerLimits.For(Elsewhere, contract.Versions.Single(), contract.GridConnections, 11_040);

        Assert.Equal([new PowerLimit(PowerLimitSource.ChargePoint, 11.04m)], limits);
        Assert.Empty(EvsePowerLimits.For(Elsewhere, null, [], null));
    }

    [Fact]
    public void AGridConnection_IsRecordedChangedAndRemoved_WithHistory_AndAnImpossibleValueIsRefused()
    {
        var contract = WithTerms(null);
        var location = new EvseRef("LOC-1", null);

        contract.SetGridConnection(location, 17.3m, Officer, Now);
        contract.SetGridConnection(location, 25m, Officer, Now);
        Assert.Equal(25m, Assert.Single(contract.GridConnections).CapacityKw);
        contract.SetGridConnection(location, null, Officer, Now);
        Assert.Empty(contract.GridConnections);

        Assert.Equal(["LOC-1: - → 17.3 kW", "LOC-1: 17.3 kW → 25 kW", "LOC-1: 25 kW → -"],
            contract.History.Where(h => h.Kind == ContractChangeKind.GridConnectionChanged).Select(h => h.Detail));
        foreach (var impossible in new[] { 0m, -1m, 10_000.1m })
        {
            var refused = Assert.Throws<DomainRuleViolated>(() => contract.SetGridConnection(location, impossible, Officer, Now));
            Assert.Equal(DomainRule.GridConnectionOutOfRange, refused.Rule);
        }
        Assert.Empty(contract.GridConnections);
    }

    [Fact]
    public void TheContractsMaximumPower_IsAboveZeroAndAtMostAMegawatt()
    {
        Assert.Equal(22m, new ContractTerms { MaxPowerPerChargePointKw = 22m }.Checked().MaxPowerPerChargePointKw);
        foreach (var impossible in new[] { 0m, 1000.5m })
        {
            var refused = Assert.Throws<DomainRuleViolated>(() => new ContractTerms { MaxPowerPerChargePointKw = impossible }.Checked());
            Assert.Equal(DomainRule.ContractTermOutOfRange, refused.Rule);
            Assert.Equal(ContractTerm.MaxPower, refused.Arguments[0]);
        }
    }
}
