using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Audits.SmartCharging;
using Portal.Domain.Contracts.Evidence;
using Portal.Features.Demo;
using Portal.Features.Demo.SimulatedCpo;
using Portal.Features.SmartCharging;
using Portal.Integration.Ocpi.Client;
using Portal.Integration.Ocpi.Pulling;
using Portal.Integration.Persistence;
using Portal.Tests.Contracts;
using Portal.Tests.Demo;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.SmartCharging;

/// <summary>
/// The simulated CPO with a third of its EVSEs not capable and a third ignoring limits, the portal's OCPI client routed
/// to it, and a signal for every charging-profile result the simulator has posted to the portal (and the portal stored).
/// </summary>
public sealed class SmartChargingSimulatedCpoApp : SimulatedCpoApp
{
    public ResultPosts Results { get; } = new();

    /// <summary>The run the tests share, started once.</summary>
    internal SemaphoreSlim Once { get; } = new(1, 1);
    internal (Guid RunId, Guid ContractId)? Started { get; set; }

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Demo:SimulatedCpo:NotCapableShare"] = "0.3",
        ["Demo:SimulatedCpo:IgnoringLimitShare"] = "0.4",
        ["Demo:SimulatedCpo:MaxLocations"] = "20",
        ["SmartCharging:SampleSize"] = "50",
    };

    protected override void ConfigureTestServices(IServiceCollection services)
    {
        base.ConfigureTestServices(services);
        services.AddHttpClient<OcpiClient>()
            .ConfigurePrimaryHttpMessageHandler(provider => ((TestServer)provider.GetRequiredService<IServer>()).CreateHandler());
        services.AddHttpClient(SimulatedCpoClient.HttpClientName).AddHttpMessageHandler(() => new ResultPostSignal(Results));
    }
}

/// <summary>Counts the result POSTs the portal has answered; a test waits for a number of them.</summary>
public sealed class ResultPosts
{
    private readonly Lock _gate = new();
    private readonly List<(int Count, TaskCompletionSource Done)> _waiting = [];
    private int _answered;

    public Task AtLeastAsync(int count)
    {
        lock (_gate)
        {
            if (_answered >= count)
                return Task.CompletedTask;
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting.Add((count, done));
            return done.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
    }

    internal void Answered()
    {
        List<TaskCompletionSource> done;
        lock (_gate)
        {
            _answered++;
            done = _waiting.Where(w => _answered >= w.Count).Select(w => w.Done).ToList();
            _waiting.RemoveAll(w => done.Contains(w.Done));
        }
        foreach (var waiter in done)
            waiter.TrySetResult();
    }
}

internal sealed class ResultPostSignal(ResultPosts posts) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (request.Method == HttpMethod.Post && request.RequestUri?.AbsolutePath.Contains("/chargingprofiles/results/", StringComparison.Ordinal) == true)
            posts.Answered();
        return response;
    }
}

public sealed class TestingSmartChargingAgainstTheSimulatedCpoTests(SmartChargingSimulatedCpoApp app) : IClassFixture<SmartChargingSimulatedCpoApp>
{
    [Fact]
    public async Task ARun_ShowsTheNotCapableAndTheIgnoringEvses_InItsMixAndAdherence_AndFailsWithAFinding()
    {
        var (runId, contractId) = await RunToTheEndAsync();

        var run = await QueryAsync(db => db.SmartChargingTestRuns.AsNoTracking().Include(r => r.Evses).Include(r => r.Requirements).SingleAsync(r => r.Id == runId));
        var locations = app.World.Party.Locations;
        var simulated = run.Evses.ToDictionary(e => e.Position, e =>
            locations.Where(l => l.Id == e.LocationId || e.LocationId.EndsWith("*" + l.Id, StringComparison.OrdinalIgnoreCase))
                .SelectMany(l => l.Evses).Single(x => x.Uid == e.EvseUid));
        Assert.NotEmpty(run.Evses);
        Assert.NotNull(run.CompletedAtUtc);

        // Capability and answers follow each simulated EVSE's behaviour: NOT_SUPPORTED where it is not capable.
        foreach (var evse in run.Evses)
        {
            var sim = simulated[evse.Position];
            Assert.Equal(sim.ChargingProfileCapable, evse.Capable);
            Assert.Equal(sim.ChargingProfileCapable ? ("ACCEPTED", "ACCEPTED") : ("NOT_SUPPORTED", null), (evse.SyncAnswer, evse.AsyncResult));
        }
        var figures = run.Figures;
        var notCapable = simulated.Values.Count(s => !s.ChargingProfileCapable);
        Assert.InRange(notCapable, 1, run.Evses.Count - 1);
        Assert.Equal((run.Evses.Count - notCapable, notCapable, 0, 0, 0), (figures.AnswerMix["ACCEPTED"], figures.AnswerMix["NOT_SUPPORTED"],
            figures.AnswerMix["REJECTED"], figures.AnswerMix["TOO_OFTEN"], figures.AnswerMix["UNKNOWN_SESSION"]));
        Assert.Equal((run.Evses.Count - notCapable, 0), (figures.ResultMix["ACCEPTED"], figures.WithoutResult));
        Assert.NotNull(figures.LatencyP90Milliseconds);

        // Adherence: every obeying EVSE that was measured kept to 4 kW + 10 %; some ignoring ones charged above it.
        var measured = run.Evses.Where(e => e.Capable && e.MeasuredMaxKw is not null).ToList();
        Assert.All(measured.Where(e => !simulated[e.Position].IgnoresLimits), e => Assert.True(e.Adhered, $"{e.LocationId}/{e.EvseUid} {e.MeasuredMaxKw} kW"));
        Assert.Contains(measured, e => simulated[e.Position].IgnoresLimits && e.Adhered == false && e.MeasuredMaxKw > 4.4m);
        Assert.Contains(measured, e => e.Adhered == true);

        Assert.Equal(SmartChargingVerdict.Fail, run.Verdict);
        Assert.Contains(run.Requirements, r => r.Code == "SC-4" && r.Verdict == SmartChargingVerdict.Fail);
        Assert.Contains(run.Requirements, r => r.Code is null && r.Verdict == SmartChargingVerdict.Fail);
        var finding = await QueryAsync(db => db.Set<ContractFinding>().AsNoTracking().SingleAsync(f => f.SmartChargingTestRunId == runId));
        Assert.Equal((ContractFindingKind.SmartChargingTestFailed, contractId), (finding.Kind, finding.ContractId));

        // The officer and the demo operator's CPO user see the run; its page shows the figures and every EVSE.
        using var officer = await app.LogInAsAsync(DemoAccounts.Officer);
        var (response, page) = await officer.GetPageAsync($"/beheer/slim-laden/{runId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(run.Evses.Count, page.QuerySelectorAll("[data-testid=run-evses] tbody tr").Length);
        using var cpo = await app.LogInAsAsync(DemoAccounts.Cpo);
        var (_, list) = await cpo.GetPageAsync("/cpo/slim-laden");
        Assert.NotNull(list.QuerySelector($"tr[data-run='{runId}']"));
    }

    [Fact]
    public async Task AnotherOperatorsCpoUser_AndAResident_AreRefused()
    {
        var (runId, _) = await StartAsync();
        await ContractTestSetup.OutsidersAsync(app);
        await using (var scope = app.App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Integration.Accounts.PortalUser>>();
            var account = (await users.FindByEmailAsync(ContractTestSetup.OtherCpo))!;
            if (!await users.HasPasswordAsync(account))
                Assert.True((await users.AddPasswordAsync(account, "Andere-Operator-2026!")).Succeeded);
        }

        using var other = await app.LogInAsAsync(ContractTestSetup.OtherCpo, "Andere-Operator-2026!");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetPageAsync($"/beheer/slim-laden/{runId}")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetPageAsync("/beheer/slim-laden")).Response.StatusCode);
        var (_, own) = await other.GetPageAsync("/cpo/slim-laden");
        Assert.Null(own.QuerySelector($"tr[data-run='{runId}']"));
        Assert.Null(await app.CallAsync(ContractTestSetup.OtherCpo, (SmartChargingService s, System.Security.Claims.ClaimsPrincipal u) => s.DetailAsync(u, runId)));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() =>
            app.CallAsync(ContractTestSetup.OtherCpo, (SmartChargingService s, System.Security.Claims.ClaimsPrincipal u) => s.StartAsync(u, Guid.NewGuid())));

        using var resident = await app.LogInAsAsync(DemoAccounts.Resident);
        foreach (var path in new[] { "/beheer/slim-laden", $"/beheer/slim-laden/{runId}", "/cpo/slim-laden" })
            Assert.Equal(HttpStatusCode.Forbidden, (await resident.GetPageAsync(path)).Response.StatusCode);
    }

    /// <summary>Starts a run (or finds the one under way), waits for every result, lets every sampled session end, pulls the CDRs and completes the run.</summary>
    private async Task<(Guid RunId, Guid ContractId)> RunToTheEndAsync()
    {
        var (runId, contractId) = await StartAsync();
        var accepted = await QueryAsync(db => db.SmartChargingTestRuns.Where(r => r.Id == runId).SelectMany(r => r.Evses).CountAsync(e => e.Capable));
        await app.Results.AtLeastAsync(accepted);
        // Sessions charge at most 24 ticks and park at most 3 more: 30 ticks of 10 s end every one of them.
        for (var i = 0; i < 30; i++)
            await app.TickAsync(TimeSpan.FromSeconds(10));
        var connection = await app.ConnectionAsync();
        using (var scope = app.App.Services.CreateScope())
        {
            var pulled = await scope.ServiceProvider.GetRequiredService<OcpiPuller>().PullAsync(connection.Id, OcpiModule.Cdrs, PullMode.Full);
            Assert.Equal(PullOutcome.Succeeded, pulled.Outcome);
            await scope.ServiceProvider.GetRequiredService<SmartChargingRunner>().CompleteDueAsync();
        }
        return (runId, contractId);
    }

    private async Task<(Guid RunId, Guid ContractId)> StartAsync()
    {
        await app.Once.WaitAsync();
        try
        {
            if (app.Started is { } started)
                return started;
            await app.TickAsync(TimeSpan.FromSeconds(1));
            var connection = await app.ConnectionAsync();
            using var scope = app.App.Services.CreateScope();
            var services = scope.ServiceProvider;
            Assert.True((await services.GetRequiredService<OcpiPartners>().TestAsync(connection.Id)).Succeeded);
            foreach (var module in new[] { OcpiModule.Locations, OcpiModule.Sessions })
                Assert.Equal(PullOutcome.Succeeded, (await services.GetRequiredService<OcpiPuller>().PullAsync(connection.Id, module, PullMode.Full)).Outcome);
            var contractId = await QueryAsync(db => db.Contracts.Where(c => c.Reference == DemoContract.Reference).Select(c => c.Id).SingleAsync());
            var outcome = await app.CallAsync(DemoAccounts.Officer, (SmartChargingService s, System.Security.Claims.ClaimsPrincipal u) => s.StartAsync(u, contractId));
            Assert.True(outcome.RunId is not null, outcome.Problem);
            app.Started = (outcome.RunId!.Value, contractId);
            return app.Started.Value;
        }
        finally
        {
            app.Once.Release();
        }
    }

    private async Task<T> QueryAsync<T>(Func<PortalDbContext, Task<T>> query)
    {
        using var scope = app.App.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }
}
