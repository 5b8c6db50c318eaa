using Portal.Domain.Contracts;
using Portal.Domain.Contracts.Evidence;
using Portal.Domain.Contracts.Findings;

namespace Portal.Domain.Tests.Contracts.Findings;

public sealed class ProposingPenaltiesTests
{
    private const string ThreeEvses = "NL*ABC*L1/NL*ABC*L1-1, NL*ABC*L1/NL*ABC*L1-2, NL*ABC*L2/NL*ABC*L2-1";

    private static IReadOnlyList<ContractPenalty> Penalties(params (ContractTerm Term, decimal? Amount, string Rule)[] penalties)
    {
        var contract = ContractTestData.DraftContract();
        var version = contract.Versions.Single();
        foreach (var (term, amount, rule) in penalties)
            contract.AddPenalty(version.Id, term, amount, rule, ContractTestData.Officer, ContractTestData.Now);
        return version.Penalties;
    }

    [Theory]
    [InlineData(ContractFindingKind.TariffAboveCap, ContractTerm.TariffCaps)]
    [InlineData(ContractFindingKind.TimelinessBelowMinimum, ContractTerm.DataLatency)]
    [InlineData(ContractFindingKind.EvidenceExpired, null)]
    [InlineData(ContractFindingKind.ProtocolUpdateOverdue, null)]
    [InlineData(ContractFindingKind.FieldCheckFailed, null)]
    // A kind this build does not know (added elsewhere later) breaks no term until it is mapped.
    [InlineData((ContractFindingKind)99, null)]
    public void EachKind_BreaksItsTerm(ContractFindingKind kind, ContractTerm? expected) =>
        Assert.Equal(expected, FindingPenalty.TermOf(kind));

    [Fact]
    public void APenaltyPerLaadpunt_CountsTheEvsesOfTheFinding()
    {
        var penalties = Penalties((ContractTerm.TariffCaps, 250m, "EUR 250 per laadpunt per geconstateerde overschrijding"));

        var penalty = FindingPenalty.Propose(ContractFindingKind.TariffAboveCap, ThreeEvses, penalties);

        // Three EVSEs named, 250 euro each: 3 x 250 = 750.
        Assert.Equal(new ProposedPenalty(ContractTerm.TariffCaps, 250m, 3, 750m, "EUR 250 per laadpunt per geconstateerde overschrijding"), penalty);
    }

    [Fact]
    public void APenaltyNotPerLaadpunt_CountsOnce()
    {
        var penalties = Penalties((ContractTerm.TariffCaps, 250m, "EUR 250 per overschrijding"), (ContractTerm.DataLatency, 1000m, "EUR 1.000 per maand"));

        // Not per charge point: 1 x 250 = 250, whatever the number of EVSEs.
        Assert.Equal(250m, FindingPenalty.Propose(ContractFindingKind.TariffAboveCap, ThreeEvses, penalties)!.TotalEuro);
        // Timeliness names no EVSEs: 1 x 1000 = 1000.
        Assert.Equal(1000m, FindingPenalty.Propose(ContractFindingKind.TimelinessBelowMinimum, null, penalties)!.TotalEuro);
    }

    [Fact]
    public void PerLaadpuntWithoutEvses_CountsOnce_AndAShortenedListCountsWhatItHolds()
    {
        var penalties = Penalties((ContractTerm.DataLatency, 100m, "100 euro Per Laadpunt"));

        // No EVSE list: 1 x 100 = 100.
        Assert.Equal((1, 100m), (FindingPenalty.Propose(ContractFindingKind.TimelinessBelowMinimum, null, penalties)!.Units, FindingPenalty.Propose(ContractFindingKind.TimelinessBelowMinimum, null, penalties)!.TotalEuro));
        // "A/1, A/2, A/…": two whole entries and a cut one, 2 + 1 = 3; "A/1, A/2, …": the ellipsis alone is no EVSE, 2.
        Assert.Equal(3, FindingPenalty.CountEvses("A/1, A/2, A/…"));
        Assert.Equal(2, FindingPenalty.CountEvses("A/1, A/2, …"));
    }

    [Fact]
    public void NoPenaltyForTheTerm_OrAKindWithoutTerm_ProposesNone()
    {
        var penalties = Penalties((ContractTerm.Availability, 500m, "EUR 500 per laadpunt"));

        Assert.Null(FindingPenalty.Propose(ContractFindingKind.TariffAboveCap, ThreeEvses, penalties));
        Assert.Null(FindingPenalty.Propose(ContractFindingKind.EvidenceExpired, ThreeEvses, penalties));
    }

    [Fact]
    public void APenaltyWithoutAmount_IsProposedAsItsRuleAlone()
    {
        var penalties = Penalties((ContractTerm.TariffCaps, null, "Boete volgens bijlage 4"));

        var penalty = FindingPenalty.Propose(ContractFindingKind.TariffAboveCap, ThreeEvses, penalties)!;

        Assert.Equal((null, 1, "Boete volgens bijlage 4"), (penalty.TotalEuro, penalty.Units, penalty.Rule));
    }
}
