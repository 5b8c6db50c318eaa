using System.Globalization;
using System.Text.Json;
using Hangfire;
using Hangfire.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Portal.Integration.Persistence;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Jobs;

/// <summary>
/// The portal with its job server and two test-only recurring jobs every second: one notes each run (both test
/// nodes live in this process and note into the same list), one always throws.
/// </summary>
public sealed class CountingJobsApp : PortalAppFactory
{
    public JobsDone Jobs { get; } = new();

    public JobFirings Firings { get; } = new();

    // The nodes look for due recurring jobs as often as the shortest interval asks: a second here.
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Jobs:Enabled"] = "true",
        ["Jobs:MailOutboxSeconds"] = "1",
    };

    protected override void ConfigureTestServices(IServiceCollection services)
    {
        TestJobFilters.Add(services, Jobs);
        services.AddSingleton(Firings);
        services.AddHostedService<TestRecurringJobs>();
    }

    private sealed class TestRecurringJobs(IRecurringJobManager recurring) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            recurring.AddOrUpdate<CountingJob>(nameof(CountingJob), job => job.RunAsync(null!, CancellationToken.None), "* * * * * *");
            recurring.AddOrUpdate<ThrowingJob>(nameof(ThrowingJob), job => job.Run(), "* * * * * *");
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

/// <summary>Every run of <see cref="CountingJob"/> on every node of one test app.</summary>
public sealed class JobFirings
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<(string Firing, string Job, string Node)> _runs = new();

    public void Note(string firing, string job, string node) => _runs.Enqueue((firing, job, node));

    public IReadOnlyList<(string Firing, string Job, string Node)> All => [.. _runs];
}

internal sealed class CountingJob(JobFirings firings)
{
    /// <summary>Notes the firing (the occurrence Hangfire's recurring scheduler enqueued the job for), the job and the server that ran it.</summary>
    [AutomaticRetry(Attempts = 0)]
    public Task RunAsync(PerformContext context, CancellationToken cancellationToken)
    {
        var firing = context.GetJobParameter<long?>("Time")?.ToString(CultureInfo.InvariantCulture) ?? "none";
        firings.Note(firing, context.BackgroundJob.Id, context.ServerId);
        return Task.CompletedTask;
    }
}

internal sealed class ThrowingJob
{
    [AutomaticRetry(Attempts = 0)]
    public void Run() => throw new InvalidOperationException("This job always fails.");
}

public sealed class RunningJobsOnceTests(CountingJobsApp app) : IClassFixture<CountingJobsApp>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    /// <summary>
    /// On PostgreSQL (and SQL Server) two nodes share Hangfire's storage, so each firing of a recurring job is enqueued
    /// once and its job runs on one node only. On SQLite the portal runs as one node, so there the one node is checked.
    /// </summary>
    [Fact]
    public async Task EveryFiring_RunsExactlyOnce()
    {
        await using var second = TestDatabase.ConfiguredProvider != DatabaseProvider.Sqlite ? app.CreateSecondNode() : null;
        _ = second?.Server;
        var before = (await FiringsAsync()).Count;

        await app.Jobs.UntilAsync(async () => (await FiringsAsync()).Count >= before + 6, Patience);
        var firings = await FiringsAsync();

        if (second is not null)   // both nodes run a job server on the shared storage
            await app.Jobs.UntilAsync(() => Task.FromResult(AliveServers() == 2), Patience);
        Assert.DoesNotContain(firings, f => f.Firing == "none");
        var repeated = firings.GroupBy(f => f.Firing).Where(g => g.Count() > 1).Select(g => $"{g.Key} as {string.Join(" and ", g.Select(f => $"job {f.Job} on {f.Node}"))}").ToList();
        Assert.Empty(repeated);
        Assert.Equal(firings.Count, firings.Select(f => f.Job).Distinct().Count());
    }

    [Fact]
    public async Task AFailingJob_LandsInTheFailedList_ShowsInHealth_AndTheServerKeepsRunning()
    {
        using var client = app.CreateClient();
        JsonElement jobs = default;
        await app.Jobs.UntilAsync(async () =>
        {
            jobs = JsonDocument.Parse(await client.Http.GetStringAsync("/health")).RootElement.GetProperty("checks").GetProperty("jobs");
            return jobs.GetProperty("status").GetString() == "Degraded";
        }, Patience);

        Assert.True(jobs.GetProperty("data").GetProperty("failedJobs").GetInt64() > 0, jobs.ToString());
        Assert.Contains("failed job(s)", jobs.GetProperty("description").GetString(), StringComparison.Ordinal);
        var server = Assert.Single(jobs.GetProperty("data").GetProperty("servers").EnumerateArray(), s => s.GetProperty("alive").GetBoolean());
        Assert.False(string.IsNullOrEmpty(server.GetProperty("lastHeartbeatUtc").GetString()));
        var failed = app.App.Services.GetRequiredService<JobStorage>().GetMonitoringApi().FailedJobs(0, 10);
        Assert.Contains(failed, f => f.Value.Job.Type == typeof(ThrowingJob) && f.Value.ExceptionMessage == "This job always fails.");

        var count = (await FiringsAsync()).Count;
        await app.Jobs.UntilAsync(async () => (await FiringsAsync()).Count > count, Patience);
    }

    private long AliveServers() =>
        app.App.Services.GetRequiredService<JobStorage>().GetMonitoringApi().Servers().Count(s => s.Heartbeat > DateTime.UtcNow.AddMinutes(-1));

    private Task<IReadOnlyList<(string Firing, string Job, string Node)>> FiringsAsync() => Task.FromResult(app.Firings.All);
}
