using Portal.Domain.Common;

namespace Portal.Domain.TrafficOrders;

/// <summary>
/// What a person sends in on an order: who they are, how to reach them, and their grounds. Personal data:
/// it never appears in a publication or on a public page.
/// </summary>
public sealed record ObjectionSubmission
{
    public const int MaxNameLength = 200;
    public const int MaxAddressLength = 300;
    public const int MaxEmailLength = 254;
    public const int MaxGroundsLength = 20_000;

    private ObjectionSubmission(string name, string address, string email, string grounds)
    {
        Name = name;
        Address = address;
        Email = email;
        Grounds = grounds;
    }

    public string Name { get; }
    public string Address { get; }
    public string Email { get; }
    public string Grounds { get; }

    public static ObjectionSubmission Create(string? name, string? address, string? email, string? grounds)
    {
        var n = Required(name, DomainRule.ObjectorNameMissing, "name");
        var a = Required(address, DomainRule.ObjectorAddressMissing, "address");
        var e = Required(email, DomainRule.ObjectorEmailInvalid, "e-mail address");
        var g = Required(grounds, DomainRule.ObjectionGroundsMissing, "grounds");
        if (n.Length > MaxNameLength || a.Length > MaxAddressLength || e.Length > MaxEmailLength)
            throw new DomainRuleViolated(DomainRule.ObjectorDetailsTooLong, "A name, address or e-mail address is too long.");
        if (g.Length > MaxGroundsLength)
            throw new DomainRuleViolated(DomainRule.ObjectionGroundsTooLong, $"The grounds can have at most {MaxGroundsLength} characters.", MaxGroundsLength);
        var at = e.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at != e.LastIndexOf('@') || e.IndexOf('.', at) < at + 2 || e.EndsWith('.') || e.Any(char.IsWhiteSpace))
            throw new DomainRuleViolated(DomainRule.ObjectorEmailInvalid, "Give an e-mail address like name@example.nl.");
        return new ObjectionSubmission(n, a, e, g);
    }

    private static string Required(string? value, DomainRule rule, string what) =>
        string.IsNullOrWhiteSpace(value) ? throw new DomainRuleViolated(rule, $"The {what} is required.") : value.Trim();
}
