using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Integration.Persistence;
using Portal.Jobs;
using Portal.Tests.Infrastructure;
using Quartz;

namespace Portal.Tests.Jobs;

/// <summary>
/// The portal with two test-only jobs on a one-second trigger: one writes each firing into a table
/// of its own (created by the job, not by a migration), one always throws.
/// </summary>
public sealed class CountingJobsApp : PortalAppFactory
{
    protected override void ConfigureTestServices(IServiceCollection services) =>
        services.AddQuartz(q =>
        {
            q.ScheduleJob<CountingJob>(t => t.WithIdentity(nameof(CountingJob)).WithSimpleSchedule(TimeSpan.FromSeconds(1)));
            q.ScheduleJob<ThrowingJob>(t => t.WithIdentity(nameof(ThrowingJob)).WithSimpleSchedule(TimeSpan.FromSeconds(1)));
        });
}

[DisallowConcurrentExecution]
internal sealed class CountingJob(PortalDbContext db, JobRunLog runs, TimeProvider clock, ILogger<CountingJob> logger) : PortalJob(runs, clock, logger)
{
    public const string Table = "test_job_firings";

    protected override async Task RunAsync(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var firing = context.ScheduledFireTimeUtc?.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) ?? "none";
        var node = context.Scheduler.SchedulerInstanceId;
        await db.Database.ExecuteSqlRawAsync($"CREATE TABLE IF NOT EXISTS {Table} (firing VARCHAR(40) NOT NULL, node VARCHAR(200) NOT NULL)", cancellationToken);
        await db.Database.ExecuteSqlAsync($"INSERT INTO test_job_firings (firing, node) VALUES ({firing}, {node})", cancellationToken);
    }
}

[DisallowConcurrentExecution]
internal sealed class ThrowingJob(JobRunLog runs, TimeProvider clock, ILogger<ThrowingJob> logger) : PortalJob(runs, clock, logger)
{
    protected override Task RunAsync(IJobExecutionContext context, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("This job always fails.");
}

public sealed class RunningJobsOnceTests(CountingJobsApp app) : IClassFixture<CountingJobsApp>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    /// <summary>
    /// On PostgreSQL the nodes share a clustered job store, so a firing runs on one node only. On
    /// SQLite the store is in memory and the portal runs as one node (a second node would have a
    /// scheduler of its own), so there the one node is checked.
    /// </summary>
    [Fact]
    public async Task EveryFiring_RunsExactlyOnce()
    {
        await using var second = TestDatabase.ConfiguredProvider == DatabaseProvider.Postgres ? app.CreateSecondNode() : null;
        _ = second?.Server;
        var before = (await FiringsAsync()).Count;

        await WaitUntilAsync(async () => (await FiringsAsync()).Count >= before + 6);
        var firings = await FiringsAsync();

        if (second is not null)
            Assert.Equal(2, await ScalarAsync("SELECT COUNT(*) FROM qrtz_scheduler_state"));   // both nodes joined the cluster
        var repeated = firings.GroupBy(f => f.Firing).Where(g => g.Count() > 1).Select(g => $"{g.Key} on {string.Join(" and ", g.Select(f => f.Node))}").ToList();
        Assert.Empty(repeated);
    }

    [Fact]
    public async Task AFailingJob_IsRecorded_AndTheSchedulerKeepsRunning()
    {
        using var client = app.CreateClient();
        JsonElement jobs = default;
        await WaitUntilAsync(async () =>
        {
            jobs = JsonDocument.Parse(await client.Http.GetStringAsync("/health")).RootElement.GetProperty("checks").GetProperty("jobs");
            return jobs.GetProperty("status").GetString() == "Degraded";
        });

        Assert.Contains(nameof(ThrowingJob), jobs.GetProperty("description").GetString(), StringComparison.Ordinal);
        var count = (await FiringsAsync()).Count;
        await WaitUntilAsync(async () => (await FiringsAsync()).Count > count);
    }

    private async Task<long> ScalarAsync(string sql)
    {
        using var scope = app.App.Services.CreateScope();
        var connection = scope.ServiceProvider.GetRequiredService<PortalDbContext>().Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private async Task<List<(string Firing, string Node)>> FiringsAsync()
    {
        using var scope = app.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        await db.Database.ExecuteSqlRawAsync($"CREATE TABLE IF NOT EXISTS {CountingJob.Table} (firing VARCHAR(40) NOT NULL, node VARCHAR(200) NOT NULL)");
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT firing, node FROM {CountingJob.Table}";
        var rows = new List<(string, string)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            rows.Add((reader.GetString(0), reader.GetString(1)));
        return rows;
    }

    /// <summary>Polls until the scheduler has done its part; fails after a generous limit rather than asserting a duration.</summary>
    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
                return;
            await Task.Delay(250);
        }
        throw new TimeoutException("The scheduler did not get there in time.");
    }
}
