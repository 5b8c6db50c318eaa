using Portal.Domain.Terms;

namespace Portal.Domain.Tests.Terms;

/// <summary>
/// The six-week terms of the Awb, counted by hand: an objection term starts the day after publication and
/// ends six weeks after the day of publication; a last day that is a rest day moves to the next working day.
/// </summary>
public sealed class CountingAwbTermsTests
{
    private static readonly TermsCalendar Calendar = TermsCalendar.Default;

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    [Fact]
    public void PublishedOnAThursday_EndsSixWeeksLaterOnAThursday()
    {
        var term = AwbTerms.Objection(D(2026, 3, 5), Calendar);

        Assert.Equal(D(2026, 3, 6), term.FirstDay);
        Assert.Equal(D(2026, 4, 16), term.LastDay);
        Assert.False(term.WasExtended);
    }

    [Theory]
    // published, reckoned last day, last day: why
    [InlineData("2026-11-07", "2026-12-19", "2026-12-21")] // published on a Saturday: ends on a Saturday, runs to Monday
    [InlineData("2026-02-20", "2026-04-03", "2026-04-07")] // Good Friday, the weekend and Easter Monday
    [InlineData("2026-02-23", "2026-04-06", "2026-04-07")] // Easter Monday
    [InlineData("2026-03-16", "2026-04-27", "2026-04-28")] // King's Day on a Monday
    [InlineData("2025-03-15", "2025-04-26", "2025-04-28")] // King's Day moved to Saturday 26 April 2025, then Sunday
    [InlineData("2026-03-24", "2026-05-05", "2026-05-06")] // Liberation Day on a Tuesday
    [InlineData("2027-03-24", "2027-05-05", "2027-05-10")] // Liberation Day, Ascension Day, the equated Friday, the weekend
    [InlineData("2026-04-02", "2026-05-14", "2026-05-18")] // Ascension Day, the equated Friday, the weekend
    [InlineData("2026-04-13", "2026-05-25", "2026-05-26")] // Whit Monday
    [InlineData("2026-04-11", "2026-05-23", "2026-05-26")] // a Saturday before Whit Monday
    [InlineData("2026-11-13", "2026-12-25", "2026-12-28")] // Christmas, Boxing Day on Saturday, Sunday
    [InlineData("2025-11-20", "2026-01-01", "2026-01-05")] // New Year's Day, the equated 2 January, the weekend
    [InlineData("2024-11-20", "2025-01-01", "2025-01-02")] // New Year's Day on a Wednesday
    [InlineData("2030-04-18", "2030-05-30", "2030-05-31")] // Ascension 2030; its Friday has no decree yet
    public void ObjectionTerm_MovesPastRestDays(string published, string reckoned, string lastDay)
    {
        var term = AwbTerms.Objection(DateOnly.Parse(published, System.Globalization.CultureInfo.InvariantCulture), Calendar);

        Assert.Equal(DateOnly.Parse(reckoned, System.Globalization.CultureInfo.InvariantCulture), term.ReckonedLastDay);
        Assert.Equal(DateOnly.Parse(lastDay, System.Globalization.CultureInfo.InvariantCulture), term.LastDay);
    }

    [Fact]
    public void ViewsTerm_StartsOnTheDayTheDraftIsAvailable()
    {
        // Monday 2 March 2026 counts as day one; day 42 is Sunday 12 April, so Monday 13 April.
        var term = AwbTerms.Views(D(2026, 3, 2), Calendar);

        Assert.Equal(D(2026, 3, 2), term.FirstDay);
        Assert.Equal(D(2026, 4, 12), term.ReckonedLastDay);
        Assert.Equal(D(2026, 4, 13), term.LastDay);
    }

    [Fact]
    public void FinalOrderAfterViews_IsDueSixMonthsAfterTheViewsTerm() =>
        Assert.Equal(D(2026, 10, 13), AwbTerms.FinalOrderAfterViewsDue(AwbTerms.Views(D(2026, 3, 2), Calendar), Calendar));

    [Fact]
    public void AppealTerm_CountsLikeTheObjectionTerm() =>
        Assert.Equal(D(2026, 5, 18), AwbTerms.Appeal(D(2026, 4, 2), Calendar).LastDay);

    [Fact]
    public void LastDay_IsInTime_TheNextDayIsNot()
    {
        var term = AwbTerms.Objection(D(2026, 3, 5), Calendar);

        Assert.True(term.IsInTime(D(2026, 4, 16)));
        Assert.False(term.HasLapsed(D(2026, 4, 16)));
        Assert.Equal(0, term.DaysLeft(D(2026, 4, 16)));
        Assert.True(term.HasLapsed(D(2026, 4, 17)));
        Assert.Equal(-1, term.DaysLeft(D(2026, 4, 17)));
        Assert.False(term.HasStarted(D(2026, 3, 5)));
        Assert.True(term.HasStarted(D(2026, 3, 6)));
    }
}
