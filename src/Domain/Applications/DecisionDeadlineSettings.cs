using Portal.Domain.Common;

namespace Portal.Domain.Applications;

/// <summary>
/// A municipality's decision term. Awb 4:13 sets eight weeks when no statute names a term.
/// Awb 4:14(3) allows announcing, within those weeks, a "reasonable" later date without fixing
/// its length; we default the one extension to the same eight weeks (the Awb objection rule 7:10
/// also extends once by the length of the original term) and let the municipality change it.
/// </summary>
public sealed record DecisionDeadlineSettings
{
    public const int MaxWeeks = 52;

    public DecisionDeadlineSettings(int decisionWeeks = 8, int extensionWeeks = 8)
    {
        if (decisionWeeks is < 1 or > MaxWeeks)
            throw new DomainRuleViolated(DomainRule.DecisionWeeksOutOfRange, $"The decision term is between 1 and {MaxWeeks} weeks.", MaxWeeks);
        if (extensionWeeks is < 1 or > MaxWeeks)
            throw new DomainRuleViolated(DomainRule.ExtensionWeeksOutOfRange, $"The extension is between 1 and {MaxWeeks} weeks.", MaxWeeks);
        DecisionWeeks = decisionWeeks;
        ExtensionWeeks = extensionWeeks;
    }

    public static DecisionDeadlineSettings Default { get; } = new();

    public int DecisionWeeks { get; }
    public int ExtensionWeeks { get; }
}
