using System.Text.RegularExpressions;
using Portal.Domain.Common;

namespace Portal.Domain.Municipalities;

/// <summary>The CBS municipality code, "GM" followed by four digits (GM0202 is Arnhem).</summary>
public readonly partial record struct MunicipalityCode
{
    private MunicipalityCode(string value) => Value = value;

    public string Value { get; }

    public static MunicipalityCode Parse(string? text)
    {
        var candidate = (text ?? "").Trim().ToUpperInvariant();
        if (!Pattern().IsMatch(candidate))
            throw new DomainRuleViolated(DomainRule.MunicipalityCodeInvalid, $"A municipality code is GM followed by four digits (for example GM0202), got '{text}'.", text ?? "");
        return new MunicipalityCode(candidate);
    }

    public static bool TryParse(string? text, out MunicipalityCode code)
    {
        var candidate = (text ?? "").Trim().ToUpperInvariant();
        code = Pattern().IsMatch(candidate) ? new MunicipalityCode(candidate) : default;
        return code.Value is not null;
    }

    public override string ToString() => Value;

    [GeneratedRegex("^GM[0-9]{4}$")]
    private static partial Regex Pattern();
}
