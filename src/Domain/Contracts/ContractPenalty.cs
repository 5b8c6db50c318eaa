using Portal.Domain.Common;

namespace Portal.Domain.Contracts;

/// <summary>A penalty or bonus-malus of a contract version for one term: an amount (euro, when it is one) and the rule in the contract's words.</summary>
public sealed class ContractPenalty
{
    public const int MaxRuleLength = 1000;

    private ContractPenalty() { }

    public long Id { get; private set; }
    public Guid ContractVersionId { get; private set; }
    public ContractTerm Term { get; private set; }
    public decimal? AmountEuro { get; private set; }
    public string Rule { get; private set; } = "";

    internal static ContractPenalty Create(Guid versionId, ContractTerm term, decimal? amountEuro, string? rule)
    {
        var text = rule?.Trim() ?? "";
        if (text.Length == 0)
            throw new DomainRuleViolated(DomainRule.ContractPenaltyRuleMissing, "A penalty needs its rule.");
        if (text.Length > MaxRuleLength)
            throw new DomainRuleViolated(DomainRule.ContractTextTooLong, $"A text has at most {MaxRuleLength} characters.", MaxRuleLength);
        if (amountEuro is < 0 or > 100_000_000)
            throw new DomainRuleViolated(DomainRule.ContractTermOutOfRange, "A penalty amount is between 0 and 100 million euro.", term);
        return new ContractPenalty { ContractVersionId = versionId, Term = term, AmountEuro = amountEuro, Rule = text };
    }

    internal ContractPenalty CopyTo(Guid versionId) => new() { ContractVersionId = versionId, Term = Term, AmountEuro = AmountEuro, Rule = Rule };
}
