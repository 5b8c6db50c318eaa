using System.Text.RegularExpressions;
using Portal.Domain.Common;

namespace Portal.Domain.Operators;

/// <summary>
/// An OCPI party: ISO 3166 alpha-2 country code and a three-character party id, written
/// the eMI3 way ("NL*TNM"). The star is optional on input.
/// </summary>
public readonly partial record struct OcpiPartyId
{
    private OcpiPartyId(string countryCode, string partyId)
    {
        CountryCode = countryCode;
        PartyId = partyId;
    }

    public string CountryCode { get; }
    public string PartyId { get; }

    public static OcpiPartyId Parse(string? text)
    {
        var match = Pattern().Match((text ?? "").Trim().ToUpperInvariant());
        if (!match.Success)
            throw new DomainRuleViolated(DomainRule.OcpiPartyIdInvalid, $"An OCPI party is a two-letter country code and a three-character party id, for example NL*TNM; got '{text}'.", text ?? "");
        return new OcpiPartyId(match.Groups["country"].Value, match.Groups["party"].Value);
    }

    public static bool TryParse(string? text, out OcpiPartyId party)
    {
        var match = Pattern().Match((text ?? "").Trim().ToUpperInvariant());
        party = match.Success ? new OcpiPartyId(match.Groups["country"].Value, match.Groups["party"].Value) : default;
        return match.Success;
    }

    public override string ToString() => $"{CountryCode}*{PartyId}";

    [GeneratedRegex(@"^(?<country>[A-Z]{2})\*?(?<party>[A-Z0-9]{3})$")]
    private static partial Regex Pattern();
}
