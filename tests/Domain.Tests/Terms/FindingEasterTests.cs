using Portal.Domain.Terms;

namespace Portal.Domain.Tests.Terms;

/// <summary>Easter Sunday as the church calendars give it, including the earliest and latest possible dates.</summary>
public sealed class FindingEasterTests
{
    [Theory]
    [InlineData(2008, 3, 23)]
    [InlineData(2019, 4, 21)]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    [InlineData(2026, 4, 5)]
    [InlineData(2027, 3, 28)]
    [InlineData(2028, 4, 16)]
    [InlineData(2038, 4, 25)] // the latest possible date
    [InlineData(2285, 3, 22)] // the earliest possible date
    public void EasterSunday(int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), Easter.Sunday(year));
}
