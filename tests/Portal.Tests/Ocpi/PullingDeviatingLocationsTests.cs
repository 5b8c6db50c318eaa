using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Features.Admin;
using Portal.Integration.Ocpi.Connections;
using Portal.Integration.Ocpi.Pulling;
using Portal.Integration.Ocpi.Validation;

namespace Portal.Tests.Ocpi;

/// <summary>
/// Pulled pages from the fake CPO over HTTP: an unusable location is refused alone, a deviating one is stored
/// with its findings (refused on a strict connection), and the run counts both and keeps why it refused.
/// </summary>
public sealed class PullingDeviatingLocationsTests(OcpiPullAppFactory app) : IClassFixture<OcpiPullAppFactory>
{
    private static readonly DateTime When = DateTime.UtcNow.AddHours(-2);

    private static void AddPage(FakeCpo cpo, string prefix)
    {
        cpo.Add("locations", OcpiPullAppFactory.Location(cpo, $"{prefix}-OK", When));
        var unusable = OcpiPullAppFactory.Location(cpo, $"{prefix}-UNUSABLE", When);
        unusable["evses"]![1]!["status"] = "SLEEPING";
        cpo.Add("locations", unusable);
        var deviating = OcpiPullAppFactory.Location(cpo, $"{prefix}-DEVIATING", When);
        deviating["coordinates"]!["latitude"] = "51.9846";
        deviating["parking_type"] = "PUBLIC";
        deviating["evses"]![0]!["capabilities"] = new System.Text.Json.Nodes.JsonArray("REMOTE_START_STOP");
        cpo.Add("locations", deviating);
    }

    private Task<List<string>> StoredAsync(string party) =>
        app.QueryAsync(db => db.ChargeLocations.AsNoTracking().Where(l => l.SourceId.StartsWith($"NL*{party}*")).Select(l => l.SourceId).OrderBy(id => id).ToListAsync());

    private Task<List<DataQualityFinding>> FindingsAsync(Guid connectionId) =>
        app.QueryAsync(db => db.DataQualityFindings.AsNoTracking().Where(f => f.ConnectionId == connectionId).OrderBy(f => f.Path).ToListAsync());

    [Fact]
    public async Task APageWithAnUnusableAndADeviatingLocation_KeepsTheRest_AndTheRunCountsBoth()
    {
        await using var cpo = await FakeCpo.StartAsync(partyId: "DQL");
        var connectionId = await app.ConnectAsync(cpo);
        AddPage(cpo, "DQL");

        var report = await app.PullAsync(connectionId, OcpiModule.Locations, PullMode.Full);

        Assert.Equal((PullOutcome.Succeeded, 1, 1), (report.Outcome, report.Refused, report.Flagged));
        Assert.Contains("location DQL-UNUSABLE: evses[1].status: 'SLEEPING'", report.Message, StringComparison.Ordinal);
        Assert.Equal(["NL*DQL*DQL-DEVIATING", "NL*DQL*DQL-OK"], await StoredAsync("DQL"));
        var run = await app.QueryAsync(db => db.OcpiPullRuns.AsNoTracking().SingleAsync(r => r.ConnectionId == connectionId));
        Assert.Equal((1, 1), (run.Refused, run.Flagged));
        var reason = Assert.Single(await app.QueryAsync(db => db.OcpiPullRefusals.AsNoTracking().Where(r => r.RunId == run.Id).ToListAsync()));
        Assert.Equal(("DQL-UNUSABLE", OcpiRules.StatusUnknown, "evses[1].status", "SLEEPING"), (reason.ObjectId, reason.Rule, reason.Path, reason.Value));
        Assert.Equal(
            [("coordinates.latitude", OcpiRules.CoordinatesDecimals, ""), ("evses[0].capabilities[0]", OcpiRules.EnumUnknown, "DQL-DEVIATING-E1"), ("parking_type", OcpiRules.EnumUnknown, "")],
            (await FindingsAsync(connectionId)).Select(f => (f.Path, f.Rule, f.EvseUid)));
    }

    [Fact]
    public async Task PullingTheSameFlawedPageAgain_DoesNotGrowTheFindings_ButCountsTheirSightings()
    {
        await using var cpo = await FakeCpo.StartAsync(partyId: "DQA");
        var connectionId = await app.ConnectAsync(cpo);
        AddPage(cpo, "DQA");
        await app.PullAsync(connectionId, OcpiModule.Locations, PullMode.Full);

        var again = await app.PullAsync(connectionId, OcpiModule.Locations, PullMode.Full);

        Assert.Equal((PullOutcome.Succeeded, 1, 1), (again.Outcome, again.Refused, again.Flagged));
        var findings = await FindingsAsync(connectionId);
        Assert.Equal(3, findings.Count);
        Assert.All(findings, f => Assert.Equal((2, true), (f.TimesSeen, f.IsOpen)));

        // The CPO corrects its parking type: that finding is cleared, the others stay open.
        var corrected = OcpiPullAppFactory.Location(cpo, "DQA-DEVIATING", When.AddMinutes(30));
        corrected["coordinates"]!["latitude"] = "51.9846";
        corrected["evses"]![0]!["capabilities"] = new System.Text.Json.Nodes.JsonArray("REMOTE_START_STOP");
        cpo.Replace("locations", l => l["id"]!.GetValue<string>() == "DQA-DEVIATING", corrected);
        await app.PullAsync(connectionId, OcpiModule.Locations, PullMode.Full);

        Assert.Equal([("coordinates.latitude", true), ("evses[0].capabilities[0]", true), ("parking_type", false)],
            (await FindingsAsync(connectionId)).Select(f => (f.Path, f.IsOpen)));
    }

    [Fact]
    public async Task OnAStrictConnection_TheDeviatingLocationIsRefusedToo_WithItsDeviationsAsReasons()
    {
        await using var cpo = await FakeCpo.StartAsync(partyId: "DQX");
        var connectionId = await app.ConnectAsync(cpo);
        await using (var scope = app.App.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<OcpiConnections>().SetStrictValidationAsync(connectionId, strict: true);
        AddPage(cpo, "DQX");

        var report = await app.PullAsync(connectionId, OcpiModule.Locations, PullMode.Full);

        Assert.Equal((PullOutcome.Succeeded, 2, 0), (report.Outcome, report.Refused, report.Flagged));
        Assert.Equal(["NL*DQX*DQX-OK"], await StoredAsync("DQX"));
        Assert.Empty(await FindingsAsync(connectionId));
        var rules = await app.QueryAsync(db => db.OcpiPullRefusals.AsNoTracking().Where(r => r.ObjectId == "DQX-DEVIATING").Select(r => r.Rule).ToListAsync());
        Assert.Equal([OcpiRules.CoordinatesDecimals, OcpiRules.EnumUnknown, OcpiRules.EnumUnknown], rules);
    }

    [Fact]
    public async Task TheAuditFigure_CountsObjectsPerConnectionAndRule_InAPeriod()
    {
        await using var cpo = await FakeCpo.StartAsync(partyId: "DQF");
        var connectionId = await app.ConnectAsync(cpo);
        AddPage(cpo, "DQF");
        await app.PullAsync(connectionId, OcpiModule.Locations, PullMode.Full);
        await using var scope = app.App.Services.CreateAsyncScope();
        var queries = scope.ServiceProvider.GetRequiredService<OcpiConnectionQueries>();

        var now = await queries.QualityCountsAsync(DateTime.UtcNow.AddDays(-1), DateTime.UtcNow.AddMinutes(1));
        var before = await queries.QualityCountsAsync(DateTime.UtcNow.AddDays(-10), DateTime.UtcNow.AddDays(-9));

        Assert.Equal([(OcpiRules.CoordinatesDecimals, 1), (OcpiRules.EnumUnknown, 2)],
            now.Where(c => c.ConnectionId == connectionId).Select(c => (c.Rule, c.Objects)));
        Assert.DoesNotContain(before, c => c.ConnectionId == connectionId);
    }
}
