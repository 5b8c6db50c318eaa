using Portal.Domain.Common;
using Portal.Domain.Operators;

namespace Portal.Domain.Tests.Operators;

public sealed class OcpiPartyIdTests
{
    [Theory]
    [InlineData("NL*TNM", "NL", "TNM")]
    [InlineData("nl*nuo", "NL", "NUO")]
    [InlineData("NLALL", "NL", "ALL")]
    [InlineData("DE*A12", "DE", "A12")]
    public void EmiThreeNotation_IsSplitIntoCountryAndParty(string input, string country, string party)
    {
        var id = OcpiPartyId.Parse(input);

        Assert.Equal(country, id.CountryCode);
        Assert.Equal(party, id.PartyId);
        Assert.Equal($"{country}*{party}", id.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("NL*TN")]
    [InlineData("NL*TNMX")]
    [InlineData("N1*TNM")]
    [InlineData("NL-TNM")]
    public void MalformedParty_IsRejected(string input) =>
        Assert.Throws<DomainRuleViolated>(() => OcpiPartyId.Parse(input));

    [Theory]
    [InlineData(" nl*tnm ", true, "NL*TNM")]
    [InlineData("NLTNM", true, "NL*TNM")]
    [InlineData("Vattenfall", false, null)]
    [InlineData(null, false, null)]
    public void TryParse_AnswersWithoutThrowing(string? input, bool parsed, string? expected)
    {
        Assert.Equal(parsed, OcpiPartyId.TryParse(input, out var party));
        Assert.Equal(expected, parsed ? party.ToString() : null);
    }
}
