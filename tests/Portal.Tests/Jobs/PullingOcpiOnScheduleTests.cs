using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Integration.Ocpi.Pulling;
using Portal.Integration.Persistence;
using Portal.Jobs;
using Portal.Tests.Infrastructure;
using Portal.Tests.Ocpi;
using Quartz;

namespace Portal.Tests.Jobs;

/// <summary>The portal with the scheduled incremental OCPI pull every three seconds, and a listener that notes every firing on every node.</summary>
public sealed class ScheduledPullApp : OcpiPullAppFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Jobs:OcpiIncrementalPullMinutes"] = "0.05",
    };

    protected override void ConfigureTestServices(IServiceCollection services) =>
        services.AddQuartz(q => q.AddJobListener<PullFirings>());
}

/// <summary>Every firing of the scheduled pull, on whichever node ran it (both test nodes live in this process).</summary>
internal sealed class PullFirings : IJobListener
{
    public static readonly ConcurrentQueue<(DateTimeOffset? Firing, string Node)> Started = new();
    public static readonly ConcurrentQueue<(DateTimeOffset? Firing, string Node)> Finished = new();

    public string Name => nameof(PullFirings);

    public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        if (context.JobDetail.Key.Name != nameof(PullOcpiIncrementallyJob))
            return ValueTask.CompletedTask;
        Started.Enqueue((context.ScheduledFireTimeUtc, context.Scheduler.SchedulerInstanceId));
        return ValueTask.CompletedTask;
    }

    public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
    {
        if (context.JobDetail.Key.Name != nameof(PullOcpiIncrementallyJob))
            return ValueTask.CompletedTask;
        Finished.Enqueue((context.ScheduledFireTimeUtc, context.Scheduler.SchedulerInstanceId));
        return ValueTask.CompletedTask;
    }
}

public sealed class PullingOcpiOnScheduleTests(ScheduledPullApp app) : IClassFixture<ScheduledPullApp>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    /// <summary>
    /// On PostgreSQL two nodes share the clustered job store, so each firing of the scheduled pull runs
    /// on one of them: the CPO sees each module's list asked once per firing, and there is one pull run
    /// per firing and module, none overlapping the next. On SQLite the schedule is in memory and the
    /// portal runs as one node, so there the same is checked for that node.
    /// </summary>
    [Fact]
    public async Task EveryFiringOfTheScheduledPull_RunsExactlyOnce()
    {
        await using var second = TestDatabase.ConfiguredProvider == DatabaseProvider.Postgres ? app.CreateSecondNode() : null;
        _ = second?.Server;
        await using var cpo = await FakeCpo.StartAsync(partyId: "SCH");
        cpo.Add("locations", OcpiPullAppFactory.Location(cpo, "SCH-1", new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc)));
        cpo.Add("sessions", OcpiPullAppFactory.Session("SCH-S1", new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc)));
        var connectionId = await app.ConnectAsync(cpo, "Scheduled CPO");

        // From a quiet moment after the first firing that saw the connection, to one at least three firings later.
        await WaitUntilAsync(async () => (await RunsAsync(connectionId)).Count(r => r.Module == OcpiModule.Locations) >= 1);
        var before = await QuietSnapshotAsync(cpo, connectionId);
        await WaitUntilAsync(() => Task.FromResult(PullFirings.Finished.Count >= before.Firings.Count + 3));
        var after = await QuietSnapshotAsync(cpo, connectionId);

        var firings = after.Firings.Count - before.Firings.Count;
        var repeated = after.Firings.GroupBy(f => f.Firing).Where(g => g.Count() > 1).Select(g => $"{g.Key:O} on {string.Join(" and ", g.Select(f => f.Node))}").ToList();
        Assert.Empty(repeated);
        if (second is not null)
            Assert.Equal(2, await NodesInClusterAsync());   // both nodes joined the cluster
        foreach (var module in OcpiModules.All)
        {
            var runs = after.Runs.Where(r => r.Module == module).OrderBy(r => r.StartedAtUtc).ToList();
            var newRuns = runs.Count - before.Runs.Count(r => r.Module == module);
            Assert.True(firings == newRuns, $"{module}: {firings} firings but {newRuns} new runs: "
                + string.Join("; ", runs.Select(r => $"{r.StartedAtUtc:O}–{r.FinishedAtUtc:O} {r.Outcome} {r.Mode}"))
                + " firings: " + string.Join(", ", after.Firings.Select(f => $"{f.Firing:O} on {f.Node}")));
            Assert.All(runs, r => Assert.Equal(PullOutcome.Succeeded, r.Outcome));
            Assert.All(runs.Zip(runs.Skip(1)), pair => Assert.True(pair.First.FinishedAtUtc <= pair.Second.StartedAtUtc,
                $"{module}: the run started {pair.Second.StartedAtUtc:O} overlaps the one started {pair.First.StartedAtUtc:O}"));
            // Each firing asked for each page once: as many list requests as pages pulled.
            Assert.Equal(runs.Sum(r => r.Pages), after.ListRequests[module]);
            Assert.Equal(firings, after.ListRequests[module] - before.ListRequests[module]);
        }
    }

    private sealed record Snapshot(List<(DateTimeOffset? Firing, string Node)> Firings, List<OcpiPullRun> Runs, Dictionary<OcpiModule, int> ListRequests);

    /// <summary>Reads firings, runs and requests at a moment no firing is under way, so the three agree.</summary>
    private async Task<Snapshot> QuietSnapshotAsync(FakeCpo cpo, Guid connectionId)
    {
        Snapshot? snapshot = null;
        await WaitUntilAsync(async () =>
        {
            var started = PullFirings.Started.Count;
            if (PullFirings.Finished.Count != started)
                return false;
            var runs = await RunsAsync(connectionId);
            var requests = OcpiModules.All.ToDictionary(m => m, m => cpo.ListRequests(m.Identifier()).Count());
            var finished = PullFirings.Finished.ToList();
            if (PullFirings.Started.Count != started || finished.Count != started)
                return false;
            snapshot = new Snapshot(finished, runs, requests);
            return true;
        }, pollEvery: TimeSpan.FromMilliseconds(50));
        return snapshot!;
    }

    private Task<List<OcpiPullRun>> RunsAsync(Guid connectionId) =>
        app.QueryAsync(db => db.OcpiPullRuns.AsNoTracking().Where(r => r.ConnectionId == connectionId).ToListAsync());

    private Task<int> NodesInClusterAsync() =>
        app.QueryAsync(db => db.Database.SqlQueryRaw<int>("SELECT COUNT(*)::int AS \"Value\" FROM qrtz_scheduler_state").SingleAsync());

    /// <summary>Polls until the scheduler has done its part; fails after a generous limit rather than asserting a duration.</summary>
    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan? pollEvery = null)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
                return;
            await Task.Delay(pollEvery ?? TimeSpan.FromMilliseconds(250));
        }
        throw new TimeoutException("The scheduler did not get there in time.");
    }
}
