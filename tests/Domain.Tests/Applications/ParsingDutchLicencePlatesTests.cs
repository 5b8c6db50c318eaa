using Portal.Domain.Applications;
using Portal.Domain.Common;

namespace Portal.Domain.Tests.Applications;

public sealed class ParsingDutchLicencePlatesTests
{
    [Theory]
    [InlineData("AB-12-34", 1)]
    [InlineData("12-34-AB", 2)]
    [InlineData("12-AB-34", 3)]
    [InlineData("AB-12-CD", 4)]
    [InlineData("AB-CD-12", 5)]
    [InlineData("12-AB-CD", 6)]
    [InlineData("12-ABC-3", 7)]
    [InlineData("1-ABC-23", 8)]
    [InlineData("AB-123-C", 9)]
    [InlineData("D-123-AB", 10)]
    [InlineData("ABC-12-D", 11)]
    [InlineData("A-12-BCD", 12)]
    [InlineData("1-AB-234", 13)]
    [InlineData("123-AB-4", 14)]
    public void PlateWithDashes_IsRecognisedPerSidecode(string input, int sidecode)
    {
        var plate = DutchLicencePlate.Parse(input);

        Assert.Equal(input, plate.Value);
        Assert.Equal(sidecode, plate.Sidecode);
    }

    [Theory]
    [InlineData("12abc3", "12-ABC-3")]
    [InlineData(" 12 abc 3 ", "12-ABC-3")]
    [InlineData("1abc23", "1-ABC-23")]
    [InlineData("xx999x", "XX-999-X")]
    [InlineData("1-2ABC-3", "12-ABC-3")]
    [InlineData("ab.12.34", "AB-12-34")]
    public void PlateWrittenDifferently_IsNormalised(string input, string expected) =>
        Assert.Equal(expected, DutchLicencePlate.Parse(input).Value);

    [Fact]
    public void SamePlateWrittenTwoWays_IsEqual() =>
        Assert.Equal(DutchLicencePlate.Parse("12-abc-3"), DutchLicencePlate.Parse("12ABC3"));

    [Fact]
    public void Compact_HasNoDashes() => Assert.Equal("12ABC3", DutchLicencePlate.Parse("12-ABC-3").Compact);

    [Theory]
    [InlineData("123456")]
    [InlineData("ABCDEF")]
    [InlineData("AB1C23")]
    [InlineData("1A2B3C")]
    [InlineData("ABC123")]
    [InlineData("123ABC")]
    [InlineData("A12345")]
    public void SixCharactersInNoSidecode_AreRefused(string input)
    {
        var error = Assert.Throws<DomainRuleViolated>(() => DutchLicencePlate.Parse(input));

        Assert.Contains("not grouped the way the RDW issues them", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("12-ABC-34")]
    [InlineData("AB-12")]
    [InlineData("AB-12-3Ä")]
    [InlineData("AB_12_34")]
    public void WrongLengthOrCharacters_AreRefused(string input)
    {
        var error = Assert.Throws<DomainRuleViolated>(() => DutchLicencePlate.Parse(input));

        Assert.Contains("six letters and digits", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void NoPlate_AsksForOne(string? input) =>
        Assert.Equal("Enter the licence plate, e.g. 12-ABC-3.", Assert.Throws<DomainRuleViolated>(() => DutchLicencePlate.Parse(input)).Message);

    [Fact]
    public void TryParse_ReportsFailureWithoutThrowing()
    {
        Assert.False(DutchLicencePlate.TryParse("nonsense", out var plate));
        Assert.Null(plate);
        Assert.True(DutchLicencePlate.TryParse("12-ABC-3", out plate));
        Assert.Equal("12-ABC-3", plate!.Value);
    }
}
