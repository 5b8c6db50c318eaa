using Portal.Domain.Terms;

namespace Portal.Domain.Tests.Terms;

/// <summary>The days the Algemene termijnenwet counts as rest days: its own list, Good Friday, and days equated by decree.</summary>
public sealed class KnowingTheRestDaysOfTheTermsActTests
{
    private static readonly TermsCalendar Calendar = TermsCalendar.Default;

    [Theory]
    [InlineData(2026, 1, 1, RestDay.NewYearsDay)]
    [InlineData(2026, 1, 2, RestDay.EquatedByDecree)]      // Friday after New Year's Day (decree for 2026-2028)
    [InlineData(2026, 4, 3, RestDay.GoodFriday)]          // Easter 5 April 2026
    [InlineData(2026, 4, 6, RestDay.EasterMonday)]
    [InlineData(2026, 4, 27, RestDay.KingsDay)]           // a Monday
    [InlineData(2026, 5, 5, RestDay.LiberationDay)]       // every year, not only every fifth
    [InlineData(2026, 5, 14, RestDay.AscensionDay)]       // Easter + 39
    [InlineData(2026, 5, 15, RestDay.EquatedByDecree)]
    [InlineData(2026, 5, 25, RestDay.WhitMonday)]         // Easter + 50
    [InlineData(2026, 12, 25, RestDay.ChristmasDay)]
    [InlineData(2026, 12, 26, RestDay.BoxingDay)]         // a Saturday: the holiday is named first
    [InlineData(2025, 4, 26, RestDay.KingsDay)]           // 27 April 2025 was a Sunday, so the Saturday before
    [InlineData(2025, 4, 27, RestDay.Sunday)]
    [InlineData(2014, 4, 26, RestDay.KingsDay)]           // the first King's Day, also moved from a Sunday
    [InlineData(2013, 4, 30, RestDay.KingsDay)]           // still the Queen's birthday, 30 April
    [InlineData(2027, 5, 6, RestDay.AscensionDay)]        // Easter 28 March 2027
    [InlineData(2027, 5, 7, RestDay.EquatedByDecree)]
    [InlineData(2026, 12, 5, RestDay.Saturday)]
    [InlineData(2026, 12, 6, RestDay.Sunday)]
    public void RestDays(int year, int month, int day, RestDay expected) =>
        Assert.Equal(expected, Calendar.RestDayOf(new DateOnly(year, month, day)));

    [Theory]
    [InlineData(2026, 12, 7)]   // an ordinary Monday
    [InlineData(2026, 12, 24)]  // Christmas Eve is no holiday under the act
    [InlineData(2026, 2, 16)]   // carnival Monday is none either
    [InlineData(2026, 4, 28)]   // the day after King's Day
    [InlineData(2030, 5, 31)]   // Friday after Ascension 2030: no decree known yet, so a working day
    public void WorkingDays(int year, int month, int day) =>
        Assert.Null(Calendar.RestDayOf(new DateOnly(year, month, day)));

    [Fact]
    public void ANewerDecree_AddsItsDays()
    {
        var withDecree = Calendar.With([new DateOnly(2030, 5, 31)]);

        Assert.Equal(RestDay.EquatedByDecree, withDecree.RestDayOf(new DateOnly(2030, 5, 31)));
        Assert.Null(Calendar.RestDayOf(new DateOnly(2030, 5, 31)));
    }
}
