using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Portal.Integration.Ocpi.Pulling;
using Portal.Integration.Ocpi.Receiving;

namespace Portal.Tests.Ocpi;

/// <summary>Pagination, checkpoints and reconciliation against the fake CPO over HTTP.</summary>
public sealed class PullingPagesFromACpoTests(OcpiPullAppFactory app) : IClassFixture<OcpiPullAppFactory>
{
    private static readonly DateTime March = new(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task ManyPages_WithASmallerXLimitThanAskedFor_StoreEveryObjectOnce()
    {
        await using var cpo = await FakeCpo.StartAsync(partyId: "PG1");
        for (var i = 0; i < 237; i++)
            cpo.Add("sessions", OcpiPullAppFactory.Session($"PG1-{i:000}", March.AddMinutes(i)));
        cpo.MaxLimit = 20;   // the portal asks for 50
        var connectionId = await app.ConnectAsync(cpo);

        var report = await app.PullAsync(connectionId, OcpiModule.Sessions);

        Assert.Equal(PullOutcome.Succeeded, report.Outcome);
        Assert.Equal(12, report.Pages);
        Assert.Equal(237, report.Objects);
        Assert.Equal(237, await app.QueryAsync(db => db.OcpiSessions.CountAsync(s => s.ConnectionId == connectionId)));
        var offsets = cpo.ListRequests("sessions").Select(r => QueryHelpers.ParseQuery(r.Query)).ToList();
        Assert.Equal("50", offsets[0]["limit"].ToString());
        Assert.Equal(Enumerable.Range(0, 12).Select(i => (i * 20).ToString(CultureInfo.InvariantCulture)), offsets.Select(q => q["offset"].ToString()));
        Assert.All(offsets, q => Assert.True(q.ContainsKey("date_from")));   // required for sessions
    }

    [Fact]
    public async Task TotalCountShrinkingDuringPaging_StepsBack_AndMissesNothing()
    {
        await using var cpo = await FakeCpo.StartAsync(partyId: "PG2");
        for (var i = 0; i < 100; i++)
            cpo.Add("sessions", OcpiPullAppFactory.Session($"PG2-{i:000}", March.AddMinutes(i)));
        cpo.MaxLimit = 10;
        var connectionId = await app.ConnectAsync(cpo);
        // While the portal reads page 3, three sessions it already read are updated: they leave the
        // window (last_updated >= date_to) and every later object moves three places forward.
        cpo.BeforeList = (_, _, offset) =>
        {
            if (offset != 30 || cpo.ListRequests("sessions").Count() != 4)
                return;
            foreach (var id in new[] { "PG2-003", "PG2-012", "PG2-025" })
                cpo.Replace("sessions", s => s["id"]!.GetValue<string>() == id, OcpiPullAppFactory.Session(id, DateTime.UtcNow, kwh: 9m));
        };

        var first = await app.PullAsync(connectionId, OcpiModule.Sessions);
        var second = await app.PullAsync(connectionId, OcpiModule.Sessions);

        Assert.Equal(PullOutcome.Succeeded, first.Outcome);
        // Without the step back, the three objects that moved into offsets 27–29 would be missed.
        Assert.Equal(100, await app.QueryAsync(db => db.OcpiSessions.CountAsync(s => s.ConnectionId == connectionId)));
        // The step back re-read offset 27 once.
        Assert.Contains(cpo.ListRequests("sessions"), r => QueryHelpers.ParseQuery(r.Query)["offset"] == "27");
        Assert.Equal(PullOutcome.Succeeded, second.Outcome);
        Assert.Equal(100, await app.QueryAsync(db => db.OcpiSessions.CountAsync(s => s.ConnectionId == connectionId)));
        // The next incremental pull (date_from = the first pull's date_to) brings the three updates.
        Assert.Equal(3, await app.QueryAsync(db => db.OcpiSessions.CountAsync(s => s.ConnectionId == connectionId && s.Kwh == 9m)));
    }

    [Fact]
    public async Task InterruptedPull_ResumesFromItsCheckpoint_WithoutGapsOrDuplicates()
    {
        await using var cpo = await FakeCpo.StartAsync(partyId: "PG3");
        for (var i = 0; i < 30; i++)
            cpo.Add("locations", OcpiPullAppFactory.Location(cpo, $"PG3-{i:00}", March.AddMinutes(i), evses: 2));
        cpo.MaxLimit = 10;
        var connectionId = await app.ConnectAsync(cpo);
        cpo.FailFromOffset = 20;

        var interrupted = await app.PullAsync(connectionId, OcpiModule.Locations);
        var checkpointAfterFailure = await app.QueryAsync(db => db.OcpiPullCheckpoints.AsNoTracking().FirstOrDefaultAsync(c => c.ConnectionId == connectionId && c.Module == OcpiModule.Locations));
        cpo.FailFromOffset = null;
        var resumed = await app.PullAsync(connectionId, OcpiModule.Locations);

        Assert.Equal(PullOutcome.Failed, interrupted.Outcome);
        Assert.Equal(20, interrupted.Objects);
        Assert.NotNull(interrupted.FailedRequestId);
        Assert.Null(checkpointAfterFailure?.NextDateFromUtc);
        Assert.Equal(PullOutcome.Succeeded, resumed.Outcome);
        var resumedFrom = QueryHelpers.ParseQuery(cpo.ListRequests("locations").Last(r => QueryHelpers.ParseQuery(r.Query)["offset"] == "0").Query);
        Assert.False(resumedFrom.ContainsKey("date_from"));   // no completed pull yet: from the beginning
        var events = await app.QueryAsync(db => db.EvseStatusEvents.AsNoTracking().Where(e => e.LocationSourceId.StartsWith("NL*PG3*")).ToListAsync());
        Assert.Equal(60, events.Count);
        Assert.Equal(60, events.Select(e => (e.LocationSourceId, e.EvseUid)).Distinct().Count());
        Assert.All(events, e => Assert.Equal(EvseStatusSource.IncrementalPull, e.Source));
        Assert.Equal(30, await app.QueryAsync(db => db.ChargeLocations.CountAsync(l => l.SourceId.StartsWith("NL*PG3*"))));

        var runs = await app.QueryAsync(db => db.OcpiPullRuns.AsNoTracking().Where(r => r.ConnectionId == connectionId).OrderBy(r => r.Id).ToListAsync());
        Assert.Equal([PullOutcome.Failed, PullOutcome.Succeeded], runs.Select(r => r.Outcome));
        Assert.Equal(interrupted.FailedRequestId, runs[0].FailedRequestId);
        Assert.Equal(cpo.ListRequests("locations").Last(r => QueryHelpers.ParseQuery(r.Query)["offset"] == "20" && r.At < cpo.ListRequests("locations").Last().At).RequestId, runs[0].FailedRequestId);
    }

    [Fact]
    public async Task NextIncrementalPull_AsksFromTheLastDateTo_AndStoresOnlyTheChange()
    {
        await using var cpo = await FakeCpo.StartAsync(partyId: "PG4");
        cpo.Add("locations", OcpiPullAppFactory.Location(cpo, "PG4-1", March, evses: 1));
        var connectionId = await app.ConnectAsync(cpo);
        await app.PullAsync(connectionId, OcpiModule.Locations);
        var firstDateTo = QueryHelpers.ParseQuery(cpo.ListRequests("locations").Last().Query)["date_to"].ToString();
        cpo.Replace("locations", _ => true, OcpiPullAppFactory.Location(cpo, "PG4-1", DateTime.UtcNow, evses: 1, status: "CHARGING"));

        var second = await app.PullAsync(connectionId, OcpiModule.Locations);

        Assert.Equal(PullOutcome.Succeeded, second.Outcome);
        Assert.Equal(firstDateTo, QueryHelpers.ParseQuery(cpo.ListRequests("locations").Last().Query)["date_from"].ToString());
        var statuses = await app.QueryAsync(db => db.EvseStatusEvents.Where(e => e.LocationSourceId == "NL*PG4*PG4-1").OrderBy(e => e.OccurredAtUtc).Select(e => e.Status).ToListAsync());
        Assert.Equal(["AVAILABLE", "CHARGING"], statuses);
    }

    [Fact]
    public async Task FullPull_MarksEvsesTheCpoNoLongerListsAsRemoved_NeverDeletesThem()
    {
        await using var cpo = await FakeCpo.StartAsync(partyId: "PG5");
        cpo.Add("locations", OcpiPullAppFactory.Location(cpo, "PG5-1", March, evses: 2));
        cpo.Add("locations", OcpiPullAppFactory.Location(cpo, "PG5-2", March, evses: 1));
        var connectionId = await app.ConnectAsync(cpo);
        await app.PullAsync(connectionId, OcpiModule.Locations, PullMode.Full);
        // PG5-1 now lists only its first EVSE; PG5-2 is gone altogether.
        var shrunk = OcpiPullAppFactory.Location(cpo, "PG5-1", March.AddHours(1), evses: 1);
        cpo.Replace("locations", l => l["id"]!.GetValue<string>() == "PG5-1", shrunk);
        cpo.Remove("locations", l => l["id"]!.GetValue<string>() == "PG5-2");

        var full = await app.PullAsync(connectionId, OcpiModule.Locations, PullMode.Full);

        Assert.Equal(PullOutcome.Succeeded, full.Outcome);
        var evses = (await app.QueryAsync(db => db.ChargeLocations.AsNoTracking().Include(l => l.Evses).Where(l => l.SourceId.StartsWith("NL*PG5*")).ToListAsync()))
            .SelectMany(l => l.Evses).ToList();
        Assert.Equal(3, evses.Count);
        Assert.Equal(Domain.ChargePoints.EvseStatus.Available, evses.Single(e => e.Uid == "PG5-1-E1").Status);
        Assert.Equal(Domain.ChargePoints.EvseStatus.Removed, evses.Single(e => e.Uid == "PG5-1-E2").Status);
        Assert.Equal(Domain.ChargePoints.EvseStatus.Removed, evses.Single(e => e.Uid == "PG5-2-E1").Status);
        var removals = await app.QueryAsync(db => db.EvseStatusEvents.AsNoTracking().Where(e => e.LocationSourceId.StartsWith("NL*PG5*") && e.Status == "REMOVED").ToListAsync());
        Assert.Equal(2, removals.Count);
        Assert.All(removals, e => Assert.Equal(EvseStatusSource.FullPull, e.Source));
        var checkpoint = await app.QueryAsync(db => db.OcpiPullCheckpoints.AsNoTracking().SingleAsync(c => c.ConnectionId == connectionId && c.Module == OcpiModule.Locations));
        Assert.NotNull(checkpoint.LastFullSuccessAtUtc);
        Assert.Equal(March.AddHours(1), checkpoint.MaxLastUpdatedUtc);

        // A second full pull finds nothing new to retire.
        await app.PullAsync(connectionId, OcpiModule.Locations, PullMode.Full);
        Assert.Equal(2, await app.QueryAsync(db => db.EvseStatusEvents.CountAsync(e => e.LocationSourceId.StartsWith("NL*PG5*") && e.Status == "REMOVED")));
    }

    [Fact]
    public async Task OutOfOrderAndRepeatedUpdates_ChangeNothing()
    {
        await using var cpo = await FakeCpo.StartAsync(partyId: "PG6");
        var newer = OcpiPullAppFactory.Session("PG6-S", March.AddHours(2), kwh: 7m, status: "COMPLETED");
        cpo.Add("sessions", newer);
        cpo.Add("sessions", newer.DeepClone().AsObject());   // the same update twice on one page
        cpo.Add("locations", OcpiPullAppFactory.Location(cpo, "PG6-L", March.AddHours(2), evses: 1, status: "CHARGING"));
        var connectionId = await app.ConnectAsync(cpo);
        await app.PullAsync(connectionId, OcpiModule.Sessions, PullMode.Full);
        await app.PullAsync(connectionId, OcpiModule.Locations, PullMode.Full);
        // An older state arrives afterwards (a CPO replaying history).
        cpo.Replace("sessions", _ => true, OcpiPullAppFactory.Session("pg6-s", March.AddHours(1), kwh: 3m));
        cpo.Replace("locations", _ => true, OcpiPullAppFactory.Location(cpo, "PG6-L", March.AddHours(1), evses: 1, status: "AVAILABLE"));

        await app.PullAsync(connectionId, OcpiModule.Sessions, PullMode.Full);
        await app.PullAsync(connectionId, OcpiModule.Locations, PullMode.Full);

        var session = await app.QueryAsync(db => db.OcpiSessions.AsNoTracking().SingleAsync(s => s.ConnectionId == connectionId));
        Assert.Equal(7m, session.Kwh);
        Assert.Equal("COMPLETED", session.Status);
        var statuses = await app.QueryAsync(db => db.EvseStatusEvents.Where(e => e.LocationSourceId == "NL*PG6*PG6-L").Select(e => e.Status).ToListAsync());
        Assert.Equal(["CHARGING"], statuses);
    }
}
