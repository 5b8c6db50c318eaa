using Portal.Domain.Common;

namespace Portal.Domain.Tests.Common;

/// <summary>The Dutch calendar day of a UTC moment, across the changes to and from summer time.</summary>
public sealed class TellingTheDutchCalendarDayTests
{
    [Theory]
    [InlineData("2026-01-15T22:59:59", "2026-01-15")]   // 23:59:59 CET
    [InlineData("2026-01-15T23:00:00", "2026-01-16")]   // 00:00 CET
    [InlineData("2026-03-28T22:59:59", "2026-03-28")]   // the night summer time starts: still winter time
    [InlineData("2026-03-28T23:00:00", "2026-03-29")]
    [InlineData("2026-03-29T21:59:59", "2026-03-29")]   // the first summer evening, UTC+2
    [InlineData("2026-03-29T22:00:00", "2026-03-30")]
    [InlineData("2026-10-24T21:59:59", "2026-10-24")]   // the night summer time ends: still UTC+2
    [InlineData("2026-10-24T22:00:00", "2026-10-25")]
    [InlineData("2026-10-25T22:59:59", "2026-10-25")]   // back to UTC+1
    [InlineData("2026-10-25T23:00:00", "2026-10-26")]
    public void AMoment_FallsOnTheDayItIsInArnhem(string utc, string day)
    {
        var moment = DateTime.SpecifyKind(DateTime.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc);
        var expected = DateTime.SpecifyKind(DateTime.Parse(day, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc);

        var actual = DutchCalendar.DayOf(moment);

        Assert.Equal(expected, actual);
        Assert.Equal(DateTimeKind.Utc, actual.Kind);
    }

    [Theory]
    [InlineData("2026-01-15", "09:00", "2026-01-15T08:00:00")]   // CET, UTC+1
    [InlineData("2026-01-16", "00:30", "2026-01-15T23:30:00")]   // just after midnight: the UTC evening before
    [InlineData("2026-03-29", "15:00", "2026-03-29T13:00:00")]   // the first summer day, UTC+2
    [InlineData("2026-10-25", "15:00", "2026-10-25T14:00:00")]   // back to UTC+1
    public void ADutchClockTime_IsTheUtcMomentItShowedThen(string day, string time, string utc)
    {
        var expected = DateTime.SpecifyKind(DateTime.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc);

        var actual = DutchCalendar.Utc(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), TimeOnly.Parse(time, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(expected, actual);
        Assert.Equal(DateTimeKind.Utc, actual.Kind);
        Assert.Equal(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), DutchCalendar.Day(actual));
    }
}
