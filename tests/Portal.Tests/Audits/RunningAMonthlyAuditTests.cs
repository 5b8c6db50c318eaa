using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Audits;
using Portal.Domain.Audits.Runs;
using Portal.Domain.Contracts.Evidence;
using Portal.Features.Audits;
using Portal.Features.Exclusions;
using Portal.Integration.Accounts;
using Portal.Integration.Ocpi.Pulling;
using Portal.Integration.Ocpi.Receiving;
using Portal.Tests.Contracts;
using Portal.Tests.Faults;
using Portal.Tests.Infrastructure;
using Portal.Tests.Support.Audits;

namespace Portal.Tests.Audits;

/// <summary>
/// June 2026 (30 days, no daylight-saving change: S = 2,592,000 s per EVSE) of stored status events for two EVSEs of the
/// demo operator in Renkum, with a successful location pull every 10 minutes, through a whole monthly audit: the
/// provisional run on July 1 (the first working day), a CPO's grid claim, the officer's approval, the refresh, signing
/// after the claims window (June 30 is a Tuesday: 10 working days later is July 14), the finding, recompute equal, the CSV,
/// and everyone else refused.
/// </summary>
public sealed class RunningAMonthlyAuditTests(FaultsAppFactory app) : IClassFixture<FaultsAppFactory>
{
    private const string OtherCpoPassword = "Andere-Operator-2026!";
    private const string Location = "NL*TST*AUDIT1";
    private const string Evse1 = Location + "-1", Evse2 = Location + "-2";

    private static DateTime Local(int month, int day, int hour) =>
        TimeZoneInfo.ConvertTimeToUtc(new DateTime(2026, month, day, hour, 0, 0, DateTimeKind.Unspecified), Domain.Common.DutchCalendar.TimeZone);

    private void ClockAt(DateTime utc) => app.Clock.Advance(utc - app.Now);

    private Task<T> Audits<T>(string email, Func<AuditRunService, ClaimsPrincipal, Task<T>> call) => app.CallAsync(email, call);

    [Fact]
    public async Task AMonthOfEvents_RunsThroughProvisionalClaimApprovalSigningAndAnEqualRecompute()
    {
        ClockAt(Local(6, 1, 10));
        await ContractTestSetup.OutsidersAsync(app);
        var contract = await app.SignedContractAsync("AUDIT-1");   // in force since April 17
        await app.DemoOperatorLocationAsync(Location, "Auditstraat 1");
        await app.SnapshotAsync(Location, """{"id":"AUDIT1","time_zone":"Europe/Amsterdam"}""");
        await StoreJuneAsync();

        // July 1, 06:00 in Amsterdam: the job's month close.
        ClockAt(Local(7, 1, 6));
        await Audits(DemoAccounts.Cpo, (s, _) => s.CloseMonthAsync());
        await Audits(DemoAccounts.Cpo, (s, _) => s.CloseMonthAsync());   // a second run repeats nothing
        var row = Assert.Single(await Audits(ContractTestSetup.RenkumOfficer, (s, u) => s.ListAsync(u, AuditRunStatus.Provisional)),
            r => r.ContractId == contract && r.Kind == AuditRunKind.Monthly);
        Assert.Equal((new DateOnly(2026, 6, 1), 1), (row.PeriodStart, row.Version));
        var run = (await Audits(ContractTestSetup.RenkumOfficer, (s, u) => s.FindAsync(u, row.Id)))!.Run;
        var one = run.Evses.Single(e => e.EvseUid == Evse1);
        Assert.Equal((2_592_000L, 36_000L, 0L, 0L), (one.S, one.D, one.U, one.X));          // 30 x 86,400; 10 h x 3,600
        Assert.Equal(0.9861111111m, one.Availability);                                      // (2,592,000 - 36,000) / 2,592,000
        Assert.Equal(172_800L, run.Evses.Single(e => e.EvseUid == Evse2).D);                 // 48 h x 3,600
        Assert.Equal(new DateOnly(2026, 7, 14), run.ClaimsCloseOn);
        Assert.True(await app.ReadAsync(db => db.OutboxMails.AnyAsync(m => m.DedupeKey!.StartsWith($"audit:{run.Id:N}:Provisional:"))), "the CPO is told");
        Assert.Contains(await Audits(DemoAccounts.Cpo, (s, u) => s.ListAsync(u, null)), r => r.Id == run.Id);

        // The CPO claims a grid outage for 08:00-12:00 on June 10 on EVSE 1; an hour later the officer approves it.
        var form = new ExclusionClaimForm
        {
            ContractId = contract,
            Category = ExclusionCategory.GridSupplyInterruption,
            StartsAt = new DateTime(2026, 6, 10, 8, 0, 0),
            EndsAt = new DateTime(2026, 6, 10, 12, 0, 0),
            Evses = $"{Location}/{Evse1}",
            Description = "Stroomstoring in de wijk",
            GridOperatorReference = "LIA-2026-617",
        };
        var claim = await app.CallAsync(DemoAccounts.Cpo, (ExclusionService s, ClaimsPrincipal u) => s.FileAsync(u, form, []));
        Assert.Null(claim.Problem);
        ClockAt(Local(7, 1, 7));
        Assert.Null((await app.CallAsync(ContractTestSetup.RenkumOfficer, (ExclusionService s, ClaimsPrincipal u) =>
            s.DecideAsync(u, claim.ClaimId!.Value, new ExclusionDecision(ExclusionDecisionKind.Approve, "Liander bevestigt")))).Problem);
        Assert.Equal(2, await Audits(DemoAccounts.Cpo, (s, _) => s.RefreshDecidedAsync()));   // June, and the rolling 12 months ending with it

        run = (await Audits(ContractTestSetup.RenkumOfficer, (s, u) => s.FindAsync(u, run.Id)))!.Run;
        one = run.Evses.Single(e => e.EvseUid == Evse1);
        Assert.Equal(14_400L, one.X);                                                        // 08:00-12:00: 4 h x 3,600
        Assert.Equal(0.9916201117m, one.Availability);                                      // (2,592,000 - 36,000) / (2,592,000 - 14,400) = 2,556,000 / 2,577,600
        var outage = Assert.Single(run.Outages, o => o.EvseKey.EndsWith(Evse1, StringComparison.Ordinal));
        Assert.True(outage.Excluded);
        Assert.Equal("E1", outage.Categories);

        // Signing waits until the claims window has closed.
        var early = await Audits(ContractTestSetup.RenkumOfficer, (s, u) => s.SignAsync(u, run.Id));
        Assert.NotNull(early.Problem);
        ClockAt(Local(7, 15, 9));
        Assert.Null((await Audits(ContractTestSetup.RenkumOfficer, (s, u) => s.SignAsync(u, run.Id))).Problem);
        var finding = Assert.Single(await app.ReadAsync(db => db.Set<ContractFinding>().Where(f => f.ContractId == contract).ToListAsync()));
        Assert.Equal(ContractFindingKind.AvailabilityBelowThreshold, finding.Kind);
        Assert.Equal($"{Location}/{Evse2}", finding.Evses);                                // 2,419,200 / 2,592,000 = 93.33 % < 95 %
        Assert.Equal(96.24m, finding.MeasuredPercent);   // (5,184,000 - 36,000 - 172,800) / (5,184,000 - 14,400) = 4,975,200 / 5,169,600 = 0.96239...

        // A signed run is frozen; recomputing it from the same stored data gives the same figures to the second.
        Assert.NotNull((await Audits(ContractTestSetup.RenkumOfficer, (s, u) => s.ComputeAsync(u, contract, new DateOnly(2026, 6, 1)))).Problem);
        var recompute = await Audits(ContractTestSetup.RenkumOfficer, (s, u) => s.RecomputeAsync(u, run.Id));
        Assert.True(recompute.Comparison!.Equal, string.Join("; ", recompute.Comparison.Differences));

        // Availability over time: June is the last of the twelve months shown, one point for the CPO and one for postcode area 6811.
        var trend = await app.CallAsync<AuditTrends, AuditTrendView>(ContractTestSetup.RenkumOfficer, (t, u) => t.ReadAsync(u));
        var june = new DateOnly(2026, 6, 1);
        Assert.Equal((12, new DateOnly(2025, 7, 1), june), (trend.Months.Count, trend.Months[0], trend.Months[^1]));
        var cpoPoint = Assert.Single(trend.PerCpo);
        Assert.Equal((june, 2), (cpoPoint.Month, cpoPoint.Evses));
        Assert.Equal(4_975_200m / 5_169_600m, cpoPoint.TimeWeightedAvailability);     // as in the finding above
        Assert.Equal(0.5m, cpoPoint.ShareMeetingThreshold);                            // EVSE 1 at 99.16 % meets 95 %, EVSE 2 at 93.33 % does not
        var districtPoint = Assert.Single(trend.PerDistrict);
        Assert.Equal(("6811", june, cpoPoint.TimeWeightedAvailability), (districtPoint.Group, districtPoint.Month, districtPoint.TimeWeightedAvailability));

        // The CSV per EVSE, for the officer and the CPO.
        await AddOtherCpoPasswordAsync();
        using var officer = await app.LogInAsAsync(ContractTestSetup.RenkumOfficer);
        var csv = await officer.Http.GetStringAsync($"/beheer/audits/{run.Id}/evses.csv");
        // S = S24 = 30 days = 43,200 min; U = 0; D = 10 h = 600 min; X = 4 h = 240 min; Dc = Xc = 0.
        Assert.Contains($"NL*TST*{Location}*{Evse1};;{Location};;;43200.00;43200.00;0.00;600.00;240.00;0.00;0.00;", csv, StringComparison.Ordinal);
        Assert.Contains(";99.16;100.00;", csv, StringComparison.Ordinal);

        // The PDF and the EV-ChART-shaped modules are built from the stored run: its fingerprint, its figures, its outages.
        var signedRun = await app.ReadAsync(db => db.AuditRuns.SingleAsync(r => r.Id == run.Id));
        var pdf = string.Join("\n", AuditReportScenario.PdfPages(await officer.Http.GetByteArrayAsync($"/beheer/audits/{run.Id}/rapport.pdf")));
        Assert.Contains(signedRun.Fingerprint[..16], pdf, StringComparison.Ordinal);
        Assert.Contains("99,16", pdf, StringComparison.Ordinal);
        Assert.Contains("93,33", pdf, StringComparison.Ordinal);
        var uptime = await officer.Http.GetStringAsync($"/beheer/audits/{run.Id}/ev-chart-uptime.csv");
        Assert.Contains(Evse2, uptime, StringComparison.Ordinal);
        var outages = (await officer.Http.GetStringAsync($"/beheer/audits/{run.Id}/ev-chart-outages.csv")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, outages.Length);                                                   // the header, EVSE 1's outage and EVSE 2's
        Assert.Contains(outages, line => line.Contains("E1", StringComparison.Ordinal)); // EVSE 1's grid outage, excluded in part by the approved claim
        using var cpo = await app.LogInAsAsync(DemoAccounts.Cpo);
        Assert.Contains(";93.33;", await cpo.Http.GetStringAsync($"/cpo/audits/{run.Id}/evses.csv"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await cpo.Http.GetAsync($"/cpo/audits/{run.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await officer.Http.GetAsync($"/beheer/audits/{run.Id}")).StatusCode);
        var list = await officer.Http.GetStringAsync("/beheer/audits");
        Assert.Contains("data-testid=\"availability-trend-cpo\"", list, StringComparison.Ordinal);   // the trend's table, its numbers beside the chart
        Assert.Equal(HttpStatusCode.OK, (await cpo.Http.GetAsync("/cpo/audits")).StatusCode);

        // Another operator's CPO user and a resident are refused every page and download of it.
        using var other = await app.LogInAsAsync(ContractTestSetup.OtherCpo, OtherCpoPassword);
        using var resident = await app.LogInAsAsync(DemoAccounts.Resident);
        foreach (var path in new[] { $"/cpo/audits/{run.Id}", $"/cpo/audits/{run.Id}/evses.csv", $"/cpo/audits/{run.Id}/rapport.pdf", $"/beheer/audits/{run.Id}",
            $"/beheer/audits/{run.Id}/evses.csv", $"/beheer/audits/{run.Id}/rapport.pdf", $"/beheer/audits/{run.Id}/ev-chart-outages.csv", "/beheer/audits" })
        {
            foreach (var (who, client) in new[] { ("other CPO", other), ("resident", resident) })
            {
                var status = (await client.Http.GetAsync(path)).StatusCode;
                Assert.True(status is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, $"{who} got {status} on {path}");
            }
        }
        Assert.DoesNotContain(await Audits(ContractTestSetup.OtherCpo, (s, u) => s.ListAsync(u, null)), r => r.ContractId == contract);
        Assert.Empty((await app.CallAsync<AuditTrends, AuditTrendView>(ContractTestSetup.OtherCpo, (t, u) => t.ReadAsync(u))).PerCpo);
        Assert.Equal(HttpStatusCode.NotFound, (await cpo.Http.GetAsync($"/cpo/audits/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await cpo.Http.GetAsync($"/cpo/audits/{Guid.NewGuid()}/evses.csv")).StatusCode);
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Audits(ContractTestSetup.EdeOfficer, (s, u) => s.SignAsync(u, run.Id)));
    }

    /// <summary>
    /// EVSE 1: AVAILABLE since May 31, OUTOFORDER June 10 08:00-18:00 (10 h); EVSE 2: AVAILABLE since May 31,
    /// OUTOFORDER June 20 00:00 - June 22 00:00 (48 h); a successful location pull every 10 minutes from May 31 23:50.
    /// </summary>
    private async Task StoreJuneAsync()
    {
        static EvseStatusEvent Event(string uid, string status, DateTime at) =>
            EvseStatusEvent.Observe(Location, uid, status, at, at.AddSeconds(5), EvseStatusSource.Push, new string('0', 64));
        await app.WriteAsync(async db =>
        {
            var connection = await db.OcpiConnections.SingleAsync(c => c.Name == "Storingstest");
            db.EvseStatusEvents.AddRange(
                Event(Evse1, "AVAILABLE", Local(5, 31, 12)), Event(Evse1, "OUTOFORDER", Local(6, 10, 8)), Event(Evse1, "AVAILABLE", Local(6, 10, 18)),
                Event(Evse2, "AVAILABLE", Local(5, 31, 12)), Event(Evse2, "OUTOFORDER", Local(6, 20, 0)), Event(Evse2, "AVAILABLE", Local(6, 22, 0)));
            for (var at = Local(6, 1, 0).AddMinutes(-10); at < Local(7, 1, 0); at = at.AddMinutes(10))
            {
                var pull = OcpiPullRun.Begin(connection.Id, OcpiModule.Locations, PullMode.Incremental, at);
                pull.Succeed(at.AddSeconds(2));
                db.OcpiPullRuns.Add(pull);
            }
        });
    }

    private async Task AddOtherCpoPasswordAsync()
    {
        await using var scope = app.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var account = (await users.FindByEmailAsync(ContractTestSetup.OtherCpo))!;
        if (!await users.HasPasswordAsync(account))
            Assert.True((await users.AddPasswordAsync(account, OtherCpoPassword)).Succeeded);
    }
}
