using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Integration.Ocpi.Pulling;
using Portal.Integration.Persistence;
using Portal.Jobs;
using Portal.Tests.Infrastructure;
using Portal.Tests.Ocpi;
using Hangfire;
using Hangfire.Server;

namespace Portal.Tests.Jobs;

/// <summary>The portal with its job server, the scheduled incremental OCPI pull every three seconds, and a filter that notes every run on every node.</summary>
public sealed class ScheduledPullApp : OcpiPullAppFactory
{
    public PullFirings Firings { get; } = new();
    public JobsDone Jobs { get; } = new();

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Jobs:Enabled"] = "true",
        ["Jobs:OcpiIncrementalPullMinutes"] = "0.05",
    };

    protected override void ConfigureTestServices(IServiceCollection services) => TestJobFilters.Add(services, Firings, Jobs);
}

/// <summary>Every firing of the scheduled pull (the recurring job that enqueues a pull per connection) and every pull job, on whichever node ran it (both test nodes live in this process).</summary>
public sealed class PullFirings : IServerFilter
{
    public ConcurrentQueue<(long? Firing, string Node)> Dispatched { get; } = new();
    public ConcurrentQueue<(string Job, string Node)> Started { get; } = new();
    public ConcurrentQueue<(string Job, string Node)> Finished { get; } = new();

    public void OnPerforming(PerformingContext context)
    {
        if (context.BackgroundJob.Job.Type == typeof(PullOcpiConnectionJob))
            Started.Enqueue((context.BackgroundJob.Id, context.ServerId));
    }

    public void OnPerformed(PerformedContext context)
    {
        if (context.BackgroundJob.Job.Type == typeof(PullOcpiConnectionsJob))
            Dispatched.Enqueue((context.GetJobParameter<long?>("Time"), context.ServerId));
        if (context.BackgroundJob.Job.Type == typeof(PullOcpiConnectionJob))
            Finished.Enqueue((context.BackgroundJob.Id, context.ServerId));
    }
}

public sealed class PullingOcpiOnScheduleTests(ScheduledPullApp app) : IClassFixture<ScheduledPullApp>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    /// <summary>
    /// On PostgreSQL two nodes share Hangfire's storage, so each firing of the scheduled pull is enqueued once and
    /// its pull job runs on one of them: the CPO sees each module's list asked once per pull job, and there is one
    /// pull run per pull job and module, none overlapping the next. On SQLite the portal runs as one node, so
    /// there the same is checked for that node.
    /// </summary>
    [Fact]
    public async Task EveryFiringOfTheScheduledPull_RunsExactlyOnce()
    {
        await using var second = TestDatabase.ConfiguredProvider != DatabaseProvider.Sqlite ? app.CreateSecondNode() : null;
        _ = second?.Server;
        await using var cpo = await FakeCpo.StartAsync(partyId: "SCH");
        cpo.Add("locations", OcpiPullAppFactory.Location(cpo, "SCH-1", new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc)));
        cpo.Add("sessions", OcpiPullAppFactory.Session("SCH-S1", new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc)));
        var connectionId = await app.ConnectAsync(cpo, "Scheduled CPO");

        // From a quiet moment after the first pull that saw the connection, to one at least three pulls later.
        await app.Jobs.UntilAsync(async () => (await RunsAsync(connectionId)).Count(r => r.Module == OcpiModule.Locations) >= 1, Patience);
        var before = await QuietSnapshotAsync(cpo, connectionId);
        await app.Jobs.UntilAsync(() => Task.FromResult(app.Firings.Finished.Count >= before.Pulls.Count + 3), Patience);
        var after = await QuietSnapshotAsync(cpo, connectionId);

        var pulls = after.Pulls.Count - before.Pulls.Count;
        Assert.Empty(after.Pulls.GroupBy(p => p.Job).Where(g => g.Count() > 1).Select(g => $"job {g.Key} ran on {string.Join(" and ", g.Select(p => p.Node))}"));
        var dispatched = app.Firings.Dispatched.ToList();
        Assert.Empty(dispatched.GroupBy(d => d.Firing).Where(g => g.Count() > 1).Select(g => $"firing {g.Key} ran on {string.Join(" and ", g.Select(d => d.Node))}"));
        if (second is not null)   // both nodes run a job server on the shared storage
            Assert.Equal(2, app.App.Services.GetRequiredService<JobStorage>().GetMonitoringApi().Servers().Count);
        foreach (var module in OcpiModules.All)
        {
            var runs = after.Runs.Where(r => r.Module == module).OrderBy(r => r.StartedAtUtc).ToList();
            var newRuns = runs.Count - before.Runs.Count(r => r.Module == module);
            Assert.True(pulls == newRuns, $"{module}: {pulls} pull jobs but {newRuns} new runs: "
                + string.Join("; ", runs.Select(r => $"{r.StartedAtUtc:O}–{r.FinishedAtUtc:O} {r.Outcome} {r.Mode}"))
                + " pulls: " + string.Join(", ", after.Pulls.Select(p => $"{p.Job} on {p.Node}")));
            Assert.All(runs, r => Assert.Equal(PullOutcome.Succeeded, r.Outcome));
            Assert.All(runs.Zip(runs.Skip(1)), pair => Assert.True(pair.First.FinishedAtUtc <= pair.Second.StartedAtUtc,
                $"{module}: the run started {pair.Second.StartedAtUtc:O} overlaps the one started {pair.First.StartedAtUtc:O}"));
            // Each pull asked for each page once: as many list requests as pages pulled.
            Assert.Equal(runs.Sum(r => r.Pages), after.ListRequests[module]);
            Assert.Equal(pulls, after.ListRequests[module] - before.ListRequests[module]);
        }
    }

    private sealed record Snapshot(List<(string Job, string Node)> Pulls, List<OcpiPullRun> Runs, Dictionary<OcpiModule, int> ListRequests);

    /// <summary>Reads pulls, runs and requests at a moment no pull is under way (checked after each job that finishes), so the three agree.</summary>
    private async Task<Snapshot> QuietSnapshotAsync(FakeCpo cpo, Guid connectionId)
    {
        Snapshot? snapshot = null;
        await app.Jobs.UntilAsync(async () =>
        {
            var started = app.Firings.Started.Count;
            if (app.Firings.Finished.Count != started)
                return false;
            var runs = await RunsAsync(connectionId);
            var requests = OcpiModules.All.ToDictionary(m => m, m => cpo.ListRequests(m.Identifier()).Count());
            var finished = app.Firings.Finished.ToList();
            if (app.Firings.Started.Count != started || finished.Count != started)
                return false;
            snapshot = new Snapshot(finished, runs, requests);
            return true;
        }, Patience);
        return snapshot!;
    }

    private Task<List<OcpiPullRun>> RunsAsync(Guid connectionId) =>
        app.QueryAsync(db => db.OcpiPullRuns.AsNoTracking().Where(r => r.ConnectionId == connectionId).ToListAsync());
}
