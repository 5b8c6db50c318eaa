using Portal.Domain.Common;

namespace Portal.Domain.Operators;

/// <summary>A charge point operator (CPO). CPO users belong to exactly one.</summary>
public sealed class OperatorOrganisation
{
    public const int MaxNameLength = 150;

    private OperatorOrganisation() { }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public OcpiPartyId? PartyId { get; private set; }
    public DateTime RegisteredAtUtc { get; private set; }

    public static OperatorOrganisation Register(string name, OcpiPartyId? partyId, DateTime nowUtc)
    {
        var trimmed = (name ?? "").Trim();
        if (trimmed.Length == 0)
            throw new DomainRuleViolated(DomainRule.OperatorNameMissing, "An operator needs a name.");
        if (trimmed.Length > MaxNameLength)
            throw new DomainRuleViolated(DomainRule.OperatorNameTooLong, $"An operator name has at most {MaxNameLength} characters.", MaxNameLength);
        return new OperatorOrganisation { Id = Guid.NewGuid(), Name = trimmed, PartyId = partyId, RegisteredAtUtc = nowUtc };
    }
}
