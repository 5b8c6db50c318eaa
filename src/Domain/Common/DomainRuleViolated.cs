namespace Portal.Domain.Common;

/// <summary>
/// A domain rule was broken. The message is English (logs, commands); <see cref="Rule"/> and
/// <see cref="Arguments"/> let a page say the same in the reader's language. Without a rule it is a
/// guard nobody meets on a page, and the message is all there is.
/// </summary>
public sealed class DomainRuleViolated : Exception
{
    public DomainRuleViolated(string message) : base(message) => Arguments = [];

    public DomainRuleViolated(DomainRule rule, string message, params object[] arguments) : base(message)
    {
        Rule = rule;
        Arguments = arguments;
    }

    public DomainRule? Rule { get; }

    /// <summary>The values the message shows, in the order of the text's placeholders: dates as UTC <see cref="DateTime"/>, numbers as numbers.</summary>
    public IReadOnlyList<object> Arguments { get; }
}
