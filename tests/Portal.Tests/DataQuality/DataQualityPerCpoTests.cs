using System.Net;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Audits.DataQuality;
using Portal.Domain.Contracts.Evidence;
using Portal.Domain.Operators;
using Portal.Features.DataQuality;
using Portal.Integration.Ocpi.Contracts;
using Portal.Integration.Ocpi.Pulling;
using Portal.Integration.Ocpi.Receiving;
using Portal.Jobs;
using Portal.Tests.Contracts;
using Portal.Tests.Faults;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.DataQuality;

/// <summary>
/// The data-quality KPIs over the real app, from status events and sessions written into the database for the last full
/// month: each KPI per EVSE, the offending lists and CSV, the nightly month close (run once, then again: nothing new), the
/// timeliness finding on the contract, and who may see what.
/// </summary>
public sealed class DataQualityPerCpoTests(FaultsAppFactory app) : IClassFixture<FaultsAppFactory>
{
    private Task<T> As<T>(string email, Func<DataQualityService, ClaimsPrincipal, Task<T>> call) => app.CallAsync(email, call);

    private DataQualityPeriod Period => DataQualityPeriod.LastFullMonth(app.Now);

    private async Task<OcpiPartyId> DemoPartyAsync()
    {
        var id = await ContractTestSetup.DemoOperatorAsync(app);
        return (await app.ReadAsync(db => db.Operators.Where(o => o.Id == id).Select(o => o.PartyId).SingleAsync())) ?? throw new InvalidOperationException("The demo operator has no party id.");
    }

    private static EvseStatusEvent Event(string source, string uid, string status, DateTime occurred, double delaySeconds) =>
        EvseStatusEvent.Observe(source, uid, status, occurred, occurred.AddSeconds(delaySeconds), EvseStatusSource.Push, "{}");

    private static OcpiSessionRecord Session(Guid connection, OcpiPartyId party, string locationId, string uid, string id, DateTime start, DateTime end)
    {
        var record = OcpiSessionRecord.Create(connection, $"{party.CountryCode}*{party.PartyId}*{id}");
        record.Apply(new Session(party.CountryCode, party.PartyId, id, start, end, 5m, new CdrToken(party.CountryCode, party.PartyId, "T1", "RFID", "C1"), "WHITELIST", null,
            locationId, uid, "1", null, "EUR", null, null, "COMPLETED", end), "[]", end, end);
        return record;
    }

    [Fact]
    public async Task StoredEventsAndSessions_GiveEachKpi_TheOffendingLists_TheCsv_AndOnceTheMonthIsOver_ASnapshotAndAFinding()
    {
        await ContractTestSetup.OutsidersAsync(app);
        var party = await DemoPartyAsync();
        string Source(string id) => $"{party.CountryCode}*{party.PartyId}*{id}";
        var (a, b) = (Source("DQ1"), Source("DQ3"));
        await app.DemoOperatorLocationAsync(a, "Kwaliteitsweg 1");
        await app.DemoOperatorLocationAsync(Source("DQ2"), "Kwaliteitsweg 2");
        await app.DemoOperatorLocationAsync(b, "Kwaliteitsweg 3");
        var contract = await app.SignedContractAsync("CON-DATAKWALITEIT");
        var s = Period.StartUtc;
        await app.SnapshotAsync(a, "{}");
        await app.WriteAsync(async db =>
        {
            var snapshot = await db.OcpiLocationSnapshots.SingleAsync(x => x.LocationSourceId == a);
            snapshot.Listed(s.AddDays(20));   // a pull listed DQ1 on day 21: its EVSEs are not stale
            var connection = snapshot.ConnectionId;
            db.EvseStatusEvents.AddRange(
                Event(a, $"{a}-1", "AVAILABLE", s.AddDays(-10), 0),                  // carried in
                Event(a, $"{a}-1", "CHARGING", s.AddDays(2).AddHours(10), 60),       // on time (exactly 60 s), inside session 1
                Event(a, $"{a}-1", "AVAILABLE", s.AddDays(2).AddHours(11), 61),      // late
                Event(a, $"{a}-1", "AVAILABLE", s.AddDays(2).AddHours(11), 5),       // duplicate
                Event(a, $"{a}-1", "BLOCKED", s.AddDays(3).AddHours(12), -301),      // future timestamp (301 s ahead)
                Event(a, $"{a}-1", "AVAILABLE", s.AddDays(3).AddHours(13), 0),
                Event(a, $"{a}-1", "CHARGING", s.AddDays(6).AddHours(10), 0),        // no session: OCCT
                Event(a, $"{a}-1", "AVAILABLE", s.AddDays(6).AddHours(11), 0),
                Event(a, $"{a}-2", "AVAILABLE", s.AddDays(-1), 0));                  // AVAILABLE all month: silent-failure suspicion
            db.OcpiSessions.AddRange(
                Session(connection, party, "DQ1", $"{a}-1", "S1", s.AddDays(2).AddHours(9).AddMinutes(58), s.AddDays(2).AddHours(11).AddMinutes(2)),
                Session(connection, party, "DQ1", $"{a}-1", "S2", s.AddDays(4).AddHours(8), s.AddDays(4).AddHours(9)));   // while AVAILABLE: SEST
            // 1,441 late events (120 s) on the 11th day of the month: one day over 1,440.
            db.EvseStatusEvents.AddRange(Enumerable.Range(0, 1441).Select(i =>
                Event(b, $"{b}-1", i % 2 == 0 ? "AVAILABLE" : "BLOCKED", s.AddDays(10).AddSeconds(i * 59), 120)));
        });
        var operatorId = await ContractTestSetup.DemoOperatorAsync(app);

        var report = (await As(DemoAccounts.Cpo, (svc, u) => svc.ReportAsync(u, operatorId, Period)))!;
        var rows = report.Offending.ToDictionary(r => r.EvseUid);

        // DQ1-1: 7 events in the month (the carried-in one is before it), 6 on time (only the 61 s one late); 1 duplicate, 1 future, 1 OCCT, 1 SEST.
        var q = rows[$"{a}-1"].Quality;
        Assert.Equal((7, 6, 1, 1, 1, 1, 0), (q.Events, q.TimelyEvents, q.DuplicateEvents, q.FutureEvents, q.ChargingWithoutSession, q.SessionsWithoutCharging, q.OverloadedDays));
        Assert.Null(q.SilentSinceUtc);
        Assert.False(rows[$"{a}-1"].Stale);
        // DQ1-2: AVAILABLE since a day before the month, no session, sibling DQ1-1 charged: suspected since then.
        Assert.Equal(s.AddDays(-1), rows[$"{a}-2"].Quality.SilentSinceUtc);
        // DQ2: never an event nor a pull listing: both EVSEs stale.
        Assert.True(rows[$"{Source("DQ2")}-1"].Stale && rows[$"{Source("DQ2")}-2"].Stale);
        // DQ3-1: 1,441 events on one day, none within 60 s.
        Assert.Equal((1441, 0, 1), (rows[$"{b}-1"].Quality.Events, rows[$"{b}-1"].Quality.TimelyEvents, rows[$"{b}-1"].Quality.OverloadedDays));

        using var cpo = await app.LogInAsAsync(DemoAccounts.Cpo);
        var month = Period.FirstDay.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        var csv = await cpo.Http.GetStringAsync($"/beheer/datakwaliteit/{operatorId}/evses.csv?maand={month}");
        var line = csv.Split('\n').Single(l => l.StartsWith($"{a};{a}-1;", StringComparison.Ordinal));
        Assert.Contains(";7;6;60;no;", line, StringComparison.Ordinal);
        var (page, _) = await cpo.GetPageAsync($"/beheer/datakwaliteit/{operatorId}?maand={month}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);

        // The month close, run as the nightly job would: a snapshot for the operator and the covered EVSEs' timeliness
        // 6 of (7 + 1,441) = 6 / 1,448 = 0.414… → 0.41 % < 95 %: a finding on the contract. A second run adds nothing.
        await RunMonthCloseAsync();
        await RunMonthCloseAsync();
        var snapshots = await app.ReadAsync(db => db.DataQualitySnapshots.Where(x => x.OperatorId == operatorId && x.Month == Period.FirstDay).ToListAsync());
        var stored = Assert.Single(snapshots).Figures;
        Assert.True(stored.Events >= 1448 && stored.StaleEvses >= 2 && stored.SilentSuspects >= 1);
        var finding = Assert.Single(await app.ReadAsync(db => db.Set<ContractFinding>().Where(f => f.ContractId == contract && f.Kind == ContractFindingKind.TimelinessBelowMinimum).ToListAsync()));
        Assert.Equal((Period.FirstDay, 0.41m, 95m, 60), (finding.Month, finding.MeasuredPercent, finding.MinimumPercent, finding.LatencySeconds));
        // From now on the page and the list show the stored figures.
        var listed = Assert.Single(await As(DemoAccounts.Cpo, (svc, u) => svc.ListAsync(u, Period)));
        Assert.Equal((operatorId, stored), (listed.OperatorId, listed.Figures));
        Assert.NotNull(listed.StoredAtUtc);
    }

    private async Task RunMonthCloseAsync()
    {
        await using var scope = app.App.Services.CreateAsyncScope();
        await ActivatorUtilities.CreateInstance<StoreDataQualityJob>(scope.ServiceProvider).RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task AResidentIsRefused_ACpoSeesOnlyItsOwnOperator_AndAnotherOperatorsCpoGets404()
    {
        await ContractTestSetup.OutsidersAsync(app);
        var operatorId = await ContractTestSetup.DemoOperatorAsync(app);
        var month = Period.FirstDay.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

        using var resident = await app.LogInAsAsync(DemoAccounts.Resident);
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.GetPageAsync("/beheer/datakwaliteit")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.Http.GetAsync($"/beheer/datakwaliteit/{operatorId}/evses.csv")).StatusCode);

        await using (var scope = app.App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Integration.Accounts.PortalUser>>();
            var account = (await users.FindByEmailAsync(ContractTestSetup.OtherCpo))!;
            if (!await users.HasPasswordAsync(account))
                Assert.True((await users.AddPasswordAsync(account, "Andere-Operator-2026!")).Succeeded);
        }
        using var other = await app.LogInAsAsync(ContractTestSetup.OtherCpo, "Andere-Operator-2026!");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetPageAsync($"/beheer/datakwaliteit/{operatorId}?maand={month}")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync($"/beheer/datakwaliteit/{operatorId}/evses.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync($"/beheer/datakwaliteit/{Guid.NewGuid()}/evses.csv")).StatusCode);
        Assert.Null(await As(ContractTestSetup.OtherCpo, (svc, u) => svc.ReportAsync(u, operatorId, Period)));
        Assert.DoesNotContain(await As(ContractTestSetup.OtherCpo, (svc, u) => svc.ListAsync(u, Period)), r => r.OperatorId == operatorId);

        Assert.Equal([operatorId], (await As(DemoAccounts.Cpo, (svc, u) => svc.ListAsync(u, Period))).Select(r => r.OperatorId));
        Assert.Contains(await As(DemoAccounts.Officer, (svc, u) => svc.ListAsync(u, Period)), r => r.OperatorId == operatorId);
        using var cpo = await app.LogInAsAsync(DemoAccounts.Cpo);
        var (_, home) = await cpo.GetPageAsync("/cpo");
        Assert.NotNull(home.QuerySelector("a[href='/beheer/datakwaliteit'][data-testid=cpo-data-quality]"));
    }
}
