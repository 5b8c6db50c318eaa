using Portal.Domain.Applications;
using Portal.Domain.Common;

namespace Portal.Domain.Tests.Applications;

public sealed class NormalisingAnApplicationAddressTests
{
    [Fact]
    public void PostcodeWithSpaceAndLowercase_IsCompactCapitals()
    {
        var address = ApplicationAddress.Create(" 6811 ab ", "12");

        Assert.Equal(("6811AB", 12, (string?)null), (address.Postcode, address.HouseNumber, address.Addition));
    }

    [Theory]
    [InlineData("1 a", null)]
    [InlineData("1A", null)]
    [InlineData("1-a", null)]
    [InlineData("1", "a")]
    [InlineData("1", " A ")]
    public void AdditionTypedAnyWay_IsTheSame(string houseNumber, string? addition) =>
        Assert.Equal(ApplicationAddress.Create("6811AB", "1", "A"), ApplicationAddress.Create("6811 AB", houseNumber, addition));

    [Fact]
    public void LetterAndToevoeging_AreKeptTogether() =>
        Assert.Equal("A2", ApplicationAddress.Create("6811AB", "1 a", "2").Addition);

    [Fact]
    public void Display_ShowsPostcodeWithSpace() =>
        Assert.Equal("6811 AB 1A", ApplicationAddress.Create("6811ab", "1 a").ToString());

    [Theory]
    [InlineData("0811AB")]
    [InlineData("6811A")]
    [InlineData("681AAB")]
    [InlineData("6811SS")]
    [InlineData("6811 SA")]
    [InlineData("")]
    [InlineData(null)]
    public void InvalidPostcode_IsRefused(string? postcode)
    {
        var error = Assert.Throws<DomainRuleViolated>(() => ApplicationAddress.Create(postcode, "1"));

        Assert.Contains("is not a Dutch postcode", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a1")]
    [InlineData("0")]
    [InlineData("123456")]
    public void InvalidHouseNumber_IsRefused(string houseNumber) =>
        Assert.Throws<DomainRuleViolated>(() => ApplicationAddress.Create("6811AB", houseNumber));

    [Theory]
    [InlineData("1", "ABCDEFG")]
    [InlineData("1", "a#")]
    public void InvalidAddition_IsRefused(string houseNumber, string addition) =>
        Assert.Throws<DomainRuleViolated>(() => ApplicationAddress.Create("6811AB", houseNumber, addition));
}
