using System.Globalization;
using Portal.Components.Shared;

namespace Portal.Tests.ChargePoints;

/// <summary>Pages show the calendar day as it is in the Netherlands, whatever time zone the server runs in.</summary>
public sealed class ShowingDatesOnDutchCalendarsTests
{
    [Theory]
    [InlineData("2026-03-01T22:59:00", "1 maart 2026")]     // winter, UTC+1: 23:59 in Arnhem
    [InlineData("2026-03-01T23:30:00", "2 maart 2026")]     // 00:30 in Arnhem
    [InlineData("2026-07-15T21:59:00", "15 juli 2026")]     // summer, UTC+2: 23:59 in Arnhem
    [InlineData("2026-07-15T22:00:00", "16 juli 2026")]     // 00:00 in Arnhem
    [InlineData("2026-12-01T00:00:00", "1 december 2026")]  // a deadline's last day, kept as UTC midnight
    public void AMoment_IsShownOnTheDayItWasInTheNetherlands(string utc, string expected)
    {
        var before = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("nl-NL");
        try
        {
            Assert.Equal(expected, Format.Date(DateTime.Parse(utc, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal)));
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Fact]
    public void NoMoment_IsADash() => Assert.Equal("–", Format.Date(null));
}
