using Portal.Domain.Common;
using Portal.Domain.Installations;
using Portal.Domain.Terms;
using static Portal.Domain.Tests.Installations.InstallationTestData;

namespace Portal.Domain.Tests.Installations;

public sealed class ComputingInstallationNormsTests
{
    [Theory]
    // The issue's own example: requested on 3 March 2026, 18 weeks (126 days) later is Tuesday 7 July.
    [InlineData(GridConnectionKind.NewOrWithGroundwork, "2026-03-03", "2026-07-07")]
    // 12 weeks = 84 days: 3 March + 28 (31 March) + 30 (30 April) + 26 = 26 May.
    [InlineData(GridConnectionKind.ChangeWithoutGroundwork, "2026-03-03", "2026-05-26")]
    // Across a year end: 1 December 2026 + 84 days = 23 February 2027 (30 to 31 Dec, 31 to 31 Jan, 23 in Feb).
    [InlineData(GridConnectionKind.ChangeWithoutGroundwork, "2026-12-01", "2027-02-23")]
    public void TheAcmNorm_CountsCalendarWeeksFromTheRequest(GridConnectionKind kind, string requested, string due)
    {
        Assert.Equal(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), AcmConnectionNorm.DueOn(DateOnly.Parse(requested, System.Globalization.CultureInfo.InvariantCulture), kind));
    }

    [Fact]
    public void AboveThreeTimesEightyAmpere_HasNoNorm_SoNeverOverdue()
    {
        var connection = new GridConnectionRequest("Liander", null, GridConnectionKind.AboveThreeTimesEightyAmpere, D(2026, 3, 3));

        Assert.Null(connection.DueOn);
        Assert.False(connection.IsOverdue(D(2030, 1, 1)));
    }

    [Theory]
    [InlineData("2026-07-07", null, false)]          // the last day itself, not realised yet
    [InlineData("2026-07-08", null, true)]           // a day later
    [InlineData("2026-09-01", "2026-07-07", false)]  // realised on the last day
    [InlineData("2026-09-01", "2026-07-08", true)]   // realised a day late stays late
    public void AConnection_IsOverdueAfterTheNormsLastDay(string today, string? connected, bool overdue)
    {
        var connection = new GridConnectionRequest("Liander", "LIA-1234", GridConnectionKind.NewOrWithGroundwork, D(2026, 3, 3),
            connected is null ? null : DateOnly.Parse(connected, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(overdue, connection.IsOverdue(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void AConnection_NeedsItsGridOperator_AndIsNotRealisedBeforeItsRequest()
    {
        Assert.Equal(DomainRule.GridOperatorMissing, Assert.Throws<DomainRuleViolated>(() => new GridConnectionRequest(" ", null, GridConnectionKind.NewOrWithGroundwork, D(2026, 3, 3))).Rule);
        Assert.Equal(DomainRule.GridConnectedBeforeRequested, Assert.Throws<DomainRuleViolated>(() => new GridConnectionRequest("Stedin", null, GridConnectionKind.NewOrWithGroundwork, D(2026, 3, 3), D(2026, 3, 2))).Rule);
    }

    [Fact]
    public void DiggingOnAThursday_NotifyFromThe20thToThe3rdWorkingDayBefore()
    {
        // Digging Thursday 10 December 2026. Back from the 9th: 9, 8, 7 December are working days 1-3, so the last
        // day is Monday 7 December. Going on: 4-1 December (4-7), 30 November (8), 27-23 (9-13), 20-16 (14-18),
        // 13 (19), 12 November (20).
        var window = DigNotificationWindow.For(D(2026, 12, 10), TermsCalendar.Default);

        Assert.Equal(new DigNotificationWindow(D(2026, 11, 12), D(2026, 12, 7)), window);
        Assert.Equal(DigNotificationTiming.TooEarly, window.Timing(D(2026, 11, 11)));
        Assert.Equal(DigNotificationTiming.InWindow, window.Timing(D(2026, 11, 12)));
        Assert.Equal(DigNotificationTiming.InWindow, window.Timing(D(2026, 12, 7)));
        Assert.Equal(DigNotificationTiming.TooLate, window.Timing(D(2026, 12, 8)));
    }

    [Fact]
    public void DiggingAfterEasterAndKingsDay_SkipsTheHolidaysOfTheTermsAct()
    {
        // Digging Tuesday 28 April 2026. King's Day is Monday 27 April: the 3rd working day back is Wednesday 22
        // April (24, 23, 22). Further back Easter Monday 6 April and Good Friday 3 April are rest days too:
        // 21, 20 (4-5), 17-13 (6-10), 10-7 (11-14), 2, 1 April, 31, 30 March (15-18), 27, 26 March (19-20).
        var window = DigNotificationWindow.For(D(2026, 4, 28), TermsCalendar.Default);

        Assert.Equal(new DigNotificationWindow(D(2026, 3, 26), D(2026, 4, 22)), window);
    }

    [Fact]
    public void MaintenanceAnnounced5WorkingDaysAhead_Qualifies_CountedInDutchDays()
    {
        // Starts Monday 14 December 2026 09:00 in the Netherlands (08:00 UTC). Five working days back: 11, 10, 9, 8,
        // 7 December, so it must be announced on Monday 7 December (Dutch time) at the latest.
        var starts = new DateTime(2026, 12, 14, 8, 0, 0, DateTimeKind.Utc);
        MaintenanceWindow Announced(DateTime utc) => new("NL*LPP*E1", starts, starts.AddHours(4), "Firmware en meter vervangen", utc);

        Assert.Equal(D(2026, 12, 7), Announced(starts).LastDayToAnnounce(TermsCalendar.Default));
        Assert.True(Announced(new DateTime(2026, 12, 7, 22, 30, 0, DateTimeKind.Utc)).Qualifies(TermsCalendar.Default));   // 23:30 on the 7th in Arnhem
        Assert.False(Announced(new DateTime(2026, 12, 7, 23, 30, 0, DateTimeKind.Utc)).Qualifies(TermsCalendar.Default));  // 00:30 on the 8th
    }

    [Fact]
    public void MaintenanceAfterChristmas_CountsChristmasDayOut()
    {
        // Starts Monday 28 December 2026. Back: 25 (Christmas) is a rest day, then 24, 23, 22, 21, 18 December.
        var starts = new DateTime(2026, 12, 28, 8, 0, 0, DateTimeKind.Utc);

        Assert.Equal(D(2026, 12, 18), new MaintenanceWindow("E1", starts, starts.AddHours(2), "Onderhoud", starts).LastDayToAnnounce(TermsCalendar.Default));
    }

    [Fact]
    public void AMaintenanceWindow_EndsAfterItStarts_AndHasAReason()
    {
        var starts = new DateTime(2026, 12, 14, 8, 0, 0, DateTimeKind.Utc);

        Assert.Equal(DomainRule.MaintenanceWindowReversed, Assert.Throws<DomainRuleViolated>(() => new MaintenanceWindow("E1", starts, starts, "Onderhoud", starts)).Rule);
        Assert.Equal(DomainRule.InstallationReasonMissing, Assert.Throws<DomainRuleViolated>(() => new MaintenanceWindow("E1", starts, starts.AddHours(1), "", starts)).Rule);
    }
}
