using System.Globalization;
using System.Text.Json.Nodes;
using Hangfire;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Integration.Ocpi;
using Portal.Integration.Ocpi.Client;
using Portal.Integration.Ocpi.Pulling;
using Portal.Integration.Persistence;
using Portal.Jobs;
using Portal.Tests.Infrastructure;
using Portal.Tests.Support;

namespace Portal.EndToEnd.Tests;

/// <summary>
/// Two portal processes on one PostgreSQL (or SQL Server) database. Node A runs an OCPI pull and is killed (SIGKILL) while it
/// waits for a page from the CPO; node B takes the job over once A's claim on it lapses (Jobs:AbandonedJobTimeout)
/// and A's lock on the connection expires (Jobs:LockTimeout), pulls again from the connection's checkpoint, and
/// ends with every session the CPO has, each stored once.
/// </summary>
[Collection(SeveralNodesCollection.Name)]
public sealed class TakingOverTheJobOfAKilledNodeTests : IAsyncLifetime
{
    private const int Sessions = 60;
    private const int PageLimit = 10;
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    private readonly string _dataFolder = Directory.CreateTempSubdirectory("portal-killed-node-").FullName;
    private TestDatabase? _database;
    private WebApplicationFactory<Program>? _control;

    public async Task InitializeAsync()
    {
        if (TestDatabase.ConfiguredProvider == DatabaseProvider.Sqlite)
            throw new InvalidOperationException($"Several nodes need a database server: set {TestDatabase.PostgresVariable} (./test.sh does) or {TestDatabase.SqlServerVariable}.");
        _database = await TestDatabase.CreateAsync(_dataFolder);
        // An in-process portal without a job server: migrates, creates Hangfire's schema, and lets the test register the CPO and enqueue the pull.
        _control = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Testing");
            foreach (var (key, value) in Settings(jobs: false))
                web.UseSetting(key, value);
        });
        _ = _control.Server;
    }

    [Fact]
    public async Task APullWhoseNodeIsKilled_IsFinishedByTheOtherNode_WithoutMissingOrDoubleRecords()
    {
        await using var cpo = await FakeCpo.StartAsync(partyId: "KIL");
        for (var i = 1; i <= Sessions; i++)
            cpo.Add("sessions", Session(cpo, $"KIL-S{i:D3}", new DateTime(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc).AddMinutes(i)));
        var stalledPage = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var release = new ManualResetEventSlim();
        var stalled = 0;
        // The third page of sessions is answered only after node A is dead: A is killed in the middle of its pull.
        cpo.BeforeList = (_, module, offset) =>
        {
            if (module == "sessions" && offset == 2 * PageLimit && Interlocked.Exchange(ref stalled, 1) == 0)
            {
                stalledPage.TrySetResult();
                release.Wait(Patience);
            }
        };
        var connectionId = await ConnectAsync(cpo);

        await using var nodeA = await PortalProcess.StartAsync("node A", Settings(jobs: true), Patience);
        var jobId = Services.GetRequiredService<IBackgroundJobClient>()
            .Enqueue<PullOcpiConnectionJob>(job => job.PullAsync(connectionId, "Killed-node CPO", "incremental", CancellationToken.None));
        await stalledPage.Task.WaitAsync(Patience);
        Assert.Equal(2 * PageLimit, await QueryAsync(db => db.OcpiSessions.CountAsync(s => s.ConnectionId == connectionId)));   // two pages stored

        await using var nodeB = await PortalProcess.StartAsync("node B", Settings(jobs: true), Patience);
        var finishedOnB = nodeB.WhenLogged("OCPI pull of Killed-node CPO (incremental) done");
        await nodeA.KillAsync();
        release.Set();
        await finishedOnB.WaitAsync(Patience);

        var sessions = await QueryAsync(db => db.OcpiSessions.AsNoTracking().Where(s => s.ConnectionId == connectionId).Select(s => s.Key).ToListAsync());
        Assert.Equal(Sessions, sessions.Count);
        Assert.Equal(Sessions, sessions.Distinct().Count());
        Assert.Equal(Enumerable.Range(1, Sessions).Select(i => $"NL*KIL*KIL-S{i:D3}"), sessions.Order(StringComparer.Ordinal));
        var runs = await QueryAsync(db => db.OcpiPullRuns.AsNoTracking().Where(r => r.ConnectionId == connectionId && r.Module == OcpiModule.Sessions).OrderBy(r => r.StartedAtUtc).ToListAsync());
        Assert.Equal([PullOutcome.Failed, PullOutcome.Succeeded], runs.Select(r => r.Outcome));   // A's run was closed by B's, which pulled all pages
        Assert.Equal(OcpiPullRun.LeftBehind, runs[0].Error);
        Assert.Equal((Sessions / PageLimit, Sessions), (runs[1].Pages, runs[1].Objects));

        var job = Services.GetRequiredService<JobStorage>().GetMonitoringApi().JobDetails(jobId);
        Assert.Equal("Succeeded", job.History[0].StateName);
        var processedBy = job.History.Where(h => h.StateName == "Processing").Select(h => h.Data["ServerId"]).Distinct().ToList();
        Assert.True(processedBy.Count == 2, $"Processed by {string.Join(", ", processedBy)}\n--- node B:\n{nodeB.Output}");
    }

    private IServiceProvider Services => _control!.Services;

    private Dictionary<string, string> Settings(bool jobs) => new()
    {
        ["App:DataDirectory"] = _dataFolder,
        ["Database:Provider"] = _database!.Provider.ToString(),
        ["Database:ConnectionString"] = _database.ConnectionString,
        ["Jobs:Enabled"] = jobs ? "true" : "false",
        ["Jobs:OcpiIncrementalPullMinutes"] = "0",
        ["Jobs:OcpiFullPullCron"] = "",
        ["Jobs:AbandonedJobTimeout"] = "00:00:05",
        ["Jobs:LockTimeout"] = "00:00:20",
        ["Ocpi:Client:PageLimit"] = PageLimit.ToString(CultureInfo.InvariantCulture),
        // Node A must still be waiting for the stalled page when it is killed, not retrying it.
        ["Ocpi:Client:AttemptTimeout"] = "00:05:00",
    };

    private async Task<Guid> ConnectAsync(FakeCpo cpo)
    {
        using var scope = Services.CreateScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<OcpiPartners>()
            .RegisterAsync(cpo.VersionsUrl, cpo.TokenA, cpo.CountryCode, cpo.PartyId, "Killed-node CPO", "http://localhost/ocpi/versions");
        Assert.True(outcome.Succeeded, outcome.Error);
        return outcome.ConnectionId!.Value;
    }

    private async Task<T> QueryAsync<T>(Func<PortalDbContext, Task<T>> query)
    {
        using var scope = Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }

    private static JsonObject Session(FakeCpo cpo, string id, DateTime lastUpdated) => new()
    {
        ["country_code"] = cpo.CountryCode,
        ["party_id"] = cpo.PartyId,
        ["id"] = id,
        ["start_date_time"] = "2026-03-01T08:00:00Z",
        ["kwh"] = 1.5m,
        ["cdr_token"] = new JsonObject { ["country_code"] = "NL", ["party_id"] = "MSP", ["uid"] = "UID-" + id, ["type"] = "RFID", ["contract_id"] = "NL-MSP-C12345678-X" },
        ["auth_method"] = "WHITELIST",
        ["location_id"] = "LOC1",
        ["evse_uid"] = "LOC1-E1",
        ["connector_id"] = "1",
        ["currency"] = "EUR",
        ["status"] = "COMPLETED",
        ["last_updated"] = OcpiJson.FormatDateTime(lastUpdated),
    };

    public async Task DisposeAsync()
    {
        if (_control is not null)
            await _control.DisposeAsync();
        if (_database is not null)
            await _database.DisposeAsync();
        try
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
        catch (IOException)
        {
            // The OS cleans its temp folder.
        }
    }
}
