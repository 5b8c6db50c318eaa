using Portal.Domain.Common;
using Portal.Domain.Municipalities;

namespace Portal.Domain.Tests.Municipalities;

public sealed class MunicipalityCodeTests
{
    [Theory]
    [InlineData("GM0202", "GM0202")]
    [InlineData(" gm0344 ", "GM0344")]
    public void WellFormedCode_IsNormalised(string input, string expected) =>
        Assert.Equal(expected, MunicipalityCode.Parse(input).Value);

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("0202")]
    [InlineData("GM202")]
    [InlineData("GM02020")]
    [InlineData("GX0202")]
    [InlineData("GM02A2")]
    public void MalformedCode_IsRejectedWithAnExample(string? input)
    {
        var error = Assert.Throws<DomainRuleViolated>(() => MunicipalityCode.Parse(input));
        Assert.Contains("GM0202", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(" gm0202", true, "GM0202")]
    [InlineData("Arnhem", false, null)]
    [InlineData("GM202", false, null)]
    [InlineData(null, false, null)]
    public void TryParse_AnswersWithoutThrowing(string? input, bool parsed, string? expected)
    {
        Assert.Equal(parsed, MunicipalityCode.TryParse(input, out var code));
        Assert.Equal(expected, code.Value);
    }
}
