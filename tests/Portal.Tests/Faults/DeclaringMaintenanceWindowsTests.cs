using System.Globalization;
using System.Security.Claims;
using Portal.Domain.Common;
using Portal.Domain.Installations.Maintenance;
using Portal.Domain.Terms;
using Portal.Features.Installations.Maintenance;
using Portal.Tests.Contracts;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Faults;

/// <summary>Maintenance windows through the portal's service over the real app: who may declare, what qualifies, cancelling, and the status_schedule comparison.</summary>
public sealed class DeclaringMaintenanceWindowsTests(FaultsAppFactory app) : IClassFixture<FaultsAppFactory>
{
    private Task<T> As<T>(string email, Func<MaintenanceWindowService, ClaimsPrincipal, Task<T>> call) => app.CallAsync(email, call);

    /// <summary>10:00 on the Dutch clock, <paramref name="workingDays"/> working days after today (weekends and public holidays skipped).</summary>
    private DateTime WorkingDaysAhead(int workingDays)
    {
        var day = DutchCalendar.Day(app.Now);
        for (var counted = 0; counted < workingDays;)
        {
            day = day.AddDays(1);
            if (!TermsCalendar.Default.IsRestDay(day))
                counted++;
        }
        return day.ToDateTime(new TimeOnly(10, 0));
    }

    private DateTime CalendarDaysAhead(int days) => DutchCalendar.Day(app.Now).AddDays(days).ToDateTime(new TimeOnly(10, 0));

    private static MaintenanceWindowForm Form(Guid location, string evse, DateTime startsLocal, string reason) =>
        new() { Evse = $"{location}|{evse}", StartsAt = startsLocal, EndsAt = startsLocal.AddHours(4), Reason = reason };

    private static string Utc(DateTime local) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), DutchCalendar.TimeZone).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    [Fact]
    public async Task AWindow6WorkingDaysAhead_Qualifies_3DaysAhead_DoesNot_AndACancelledOneIsKept()
    {
        await ContractTestSetup.OutsidersAsync(app);
        var location = await app.DemoOperatorLocationAsync("NL*TST*ONDERHOUD1", "Kerkstraat 1");
        const string evse = "NL*TST*ONDERHOUD1-1";

        Assert.Null((await As(DemoAccounts.Cpo, (s, u) => s.DeclareAsync(u, Form(location, evse, WorkingDaysAhead(6), "Meter vervangen")))).Problem);
        Assert.Null((await As(DemoAccounts.Cpo, (s, u) => s.DeclareAsync(u, Form(location, evse, CalendarDaysAhead(3), "Firmware")))).Problem);
        Assert.Equal("Een onderhoudsvenster eindigt na het begin.",
            (await As(DemoAccounts.Cpo, (s, u) => s.DeclareAsync(u, new MaintenanceWindowForm { Evse = $"{location}|{evse}", StartsAt = CalendarDaysAhead(9), EndsAt = CalendarDaysAhead(8), Reason = "Omgekeerd" }))).Problem);
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => As(ContractTestSetup.OtherCpo, (s, u) => s.DeclareAsync(u, Form(location, evse, WorkingDaysAhead(6), "Niet van mij"))));
        Assert.Contains(await As(DemoAccounts.Cpo, (s, u) => s.EvsesAsync(u)), e => e.Value == $"{location}|{evse}");
        Assert.DoesNotContain(await As(ContractTestSetup.OtherCpo, (s, u) => s.EvsesAsync(u)), e => e.LocationId == location);

        var rows = (await As(DemoAccounts.Cpo, (s, u) => s.ListAsync(u))).Where(r => r.Window.ChargeLocationId == location).ToList();
        Assert.True(Assert.Single(rows, r => r.Window.Reason == "Meter vervangen").Qualifies);
        var late = Assert.Single(rows, r => r.Window.Reason == "Firmware");
        Assert.False(late.Qualifies);
        Assert.DoesNotContain(await As(ContractTestSetup.OtherCpo, (s, u) => s.ListAsync(u)), r => r.Window.ChargeLocationId == location);

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => As(ContractTestSetup.OtherCpo, (s, u) => s.CancelAsync(u, late.Window.Id)));
        Assert.Null((await As(DemoAccounts.Cpo, (s, u) => s.CancelAsync(u, late.Window.Id))).Problem);
        Assert.Equal("Dit onderhoudsvenster is al geannuleerd.", (await As(DemoAccounts.Cpo, (s, u) => s.CancelAsync(u, late.Window.Id))).Problem);
        var cancelled = Assert.Single((await As(DemoAccounts.Cpo, (s, u) => s.ListAsync(u))), r => r.Window.Id == late.Window.Id);
        Assert.Equal((true, app.Now), (cancelled.Window.IsCancelled, cancelled.Window.CancelledAtUtc!.Value));
        Assert.False(string.IsNullOrEmpty(cancelled.Window.CancelledByName));
    }

    [Fact]
    public async Task EachWindow_IsComparedWithTheStatusScheduleTheCpoSent()
    {
        var location = await app.DemoOperatorLocationAsync("NL*TST*ONDERHOUD2", "Kerkstraat 2");
        var starts = WorkingDaysAhead(7);
        // EVSE 1: INOPERATIVE from an hour before to an hour after the window (matched); EVSE 2: only the window's first two hours (partly).
        await app.SnapshotAsync("NL*TST*ONDERHOUD2", $$"""
            {"country_code":"NL","party_id":"TST","id":"ONDERHOUD2","evses":[
              {"uid":"NL*TST*ONDERHOUD2-1","status":"AVAILABLE","status_schedule":[{"period_begin":"{{Utc(starts.AddHours(-1))}}","period_end":"{{Utc(starts.AddHours(5))}}","status":"INOPERATIVE"}]},
              {"uid":"NL*TST*ONDERHOUD2-2","status":"AVAILABLE","status_schedule":[{"period_begin":"{{Utc(starts)}}","period_end":"{{Utc(starts.AddHours(2))}}","status":"OUTOFORDER"}]}]}
            """);
        var other = await app.DemoOperatorLocationAsync("NL*TST*ONDERHOUD3", "Kerkstraat 3");   // no snapshot at all

        foreach (var (loc, evse, reason) in new[] { (location, "NL*TST*ONDERHOUD2-1", "Gedekt"), (location, "NL*TST*ONDERHOUD2-2", "Half"), (other, "NL*TST*ONDERHOUD3-1", "Zonder") })
            Assert.Null((await As(DemoAccounts.Cpo, (s, u) => s.DeclareAsync(u, Form(loc, evse, starts, reason)))).Problem);

        var rows = await As(DemoAccounts.Cpo, (s, u) => s.ListAsync(u));
        Assert.Equal(ScheduleMatchOutcome.Matched, Assert.Single(rows, r => r.Window.Reason == "Gedekt").Schedule);
        Assert.Equal(ScheduleMatchOutcome.Partly, Assert.Single(rows, r => r.Window.Reason == "Half").Schedule);
        Assert.Equal(ScheduleMatchOutcome.Missing, Assert.Single(rows, r => r.Window.Reason == "Zonder").Schedule);
        Assert.Equal("INOPERATIVE", Assert.Single(Assert.Single(rows, r => r.Window.Reason == "Gedekt").ScheduleEntries).Status);
    }
}
