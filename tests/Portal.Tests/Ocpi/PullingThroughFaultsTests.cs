using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Features.Admin;
using Portal.Integration.Ocpi.Connections;
using Portal.Integration.Ocpi.Pulling;
using Portal.Integration.Persistence;
using Portal.Tests.Admin;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Ocpi;

/// <summary>Server errors, timeouts, 429 with Retry-After and a refused token, from the fake CPO over HTTP.</summary>
public sealed class PullingThroughFaultsTests(OcpiPullAppFactory app) : IClassFixture<OcpiPullAppFactory>
{
    private static readonly DateTime March = new(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc);

    private async Task<(FakeCpo Cpo, Guid ConnectionId)> CpoWithSessionsAsync(string partyId, int sessions = 3)
    {
        var cpo = await FakeCpo.StartAsync(partyId: partyId);
        for (var i = 0; i < sessions; i++)
            cpo.Add("sessions", OcpiPullAppFactory.Session($"{partyId}-{i}", March.AddMinutes(i)));
        return (cpo, await app.ConnectAsync(cpo));
    }

    [Fact]
    public async Task ServerErrors_AreRetried_ThePullSucceeds()
    {
        var (cpo, connectionId) = await CpoWithSessionsAsync("FT1");
        await using var _ = cpo;
        cpo.FailNextLists(new FakeCpo.Fault(Status: 500), new FakeCpo.Fault(Status: 502));

        var report = await app.PullAsync(connectionId, OcpiModule.Sessions);

        Assert.Equal(PullOutcome.Succeeded, report.Outcome);
        Assert.Equal(3, report.Objects);
        var attempts = cpo.ListRequests("sessions").ToList();
        Assert.Equal(3, attempts.Count);
        Assert.Equal(3, attempts.Select(a => a.RequestId).Distinct().Count());   // a new X-Request-ID per attempt…
        Assert.Single(attempts.Select(a => a.CorrelationId).Distinct());           // …within one correlation
    }

    [Fact]
    public async Task ARunLeftRunning_ByANodeThatStopped_IsClosedByTheNextPull()
    {
        var (cpo, connectionId) = await CpoWithSessionsAsync("FT0");
        await using var _ = cpo;
        long leftId;
        using (var scope = app.App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var left = OcpiPullRun.Begin(connectionId, OcpiModule.Sessions, PullMode.Incremental, March);
            db.OcpiPullRuns.Add(left);
            db.OcpiPullRuns.Add(OcpiPullRun.Begin(connectionId, OcpiModule.Tariffs, PullMode.Incremental, March));
            await db.SaveChangesAsync();
            leftId = left.Id;
        }

        var report = await app.PullAsync(connectionId, OcpiModule.Sessions);

        Assert.Equal(PullOutcome.Succeeded, report.Outcome);
        using var check = app.App.Services.CreateScope();
        var runs = await check.ServiceProvider.GetRequiredService<PortalDbContext>().OcpiPullRuns.AsNoTracking()
            .Where(r => r.ConnectionId == connectionId).OrderBy(r => r.Id).ToListAsync();
        var closed = runs.Single(r => r.Id == leftId);
        Assert.Equal((PullOutcome.Failed, OcpiPullRun.LeftBehind), (closed.Outcome, closed.Error));
        Assert.NotNull(closed.FinishedAtUtc);
        Assert.Equal(PullOutcome.Running, runs.Single(r => r.Module == OcpiModule.Tariffs).Outcome);   // another module's run is not this pull's to close
    }

    [Fact]
    public async Task TooManyRequests_WaitsForRetryAfter()
    {
        var (cpo, connectionId) = await CpoWithSessionsAsync("FT3");
        await using var _ = cpo;
        cpo.FailNextLists(new FakeCpo.Fault(Status: 429, RetryAfterSeconds: 1));

        var report = await app.PullAsync(connectionId, OcpiModule.Sessions);

        Assert.Equal(PullOutcome.Succeeded, report.Outcome);
        var attempts = cpo.ListRequests("sessions").ToList();
        Assert.Equal(2, attempts.Count);
        // The back-off here is 10 ms; only Retry-After explains a second's wait (lower bound only).
        Assert.True(attempts[1].At - attempts[0].At >= TimeSpan.FromMilliseconds(950), $"waited {(attempts[1].At - attempts[0].At).TotalMilliseconds} ms");
    }

    [Fact]
    public async Task PersistentServerErrors_FailTheRunWithTheRequestId_AndKeepTheConnection()
    {
        var (cpo, connectionId) = await CpoWithSessionsAsync("FT4");
        await using var _ = cpo;
        cpo.FailFromOffset = 0;

        var report = await app.PullAsync(connectionId, OcpiModule.Sessions);

        Assert.Equal(PullOutcome.Failed, report.Outcome);
        Assert.Equal(4, cpo.ListRequests("sessions").Count());   // one try and three retries
        Assert.Equal(cpo.ListRequests("sessions").Last().RequestId, report.FailedRequestId);
        Assert.Contains("500", report.Message, StringComparison.Ordinal);
        var connection = await app.QueryAsync(db => db.OcpiConnections.AsNoTracking().SingleAsync(c => c.Id == connectionId));
        Assert.Equal(OcpiConnectionStatus.Connected, connection.Status);
        Assert.Equal(report.FailedRequestId, connection.LastErrorRequestId);
    }

    [Fact]
    public async Task Unauthorized_MarksTheConnectionFailing_ForTheAdmin_UntilACallWorksAgain()
    {
        var (cpo, connectionId) = await CpoWithSessionsAsync("FT5");
        await using var _ = cpo;
        cpo.RefuseAll = true;

        var report = await app.PullAsync(connectionId, OcpiModule.Sessions);

        Assert.Equal(PullOutcome.Failed, report.Outcome);
        Assert.Single(cpo.ListRequests("sessions"));   // a 401 is not retried
        Assert.Equal(OcpiConnectionStatus.Failing, await app.QueryAsync(db => db.OcpiConnections.Where(c => c.Id == connectionId).Select(c => c.Status).SingleAsync()));
        await using (var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Admin))
        {
            context.RenderProviders();
            context.Navigation.NavigateTo("/admin/ocpi?zoek=NL*FT5");
            var list = context.Render<OcpiConnectionsPage>();
            list.WaitForAssertion(() => Assert.Equal("Storing", list.Find("tbody [data-testid=status]").TextContent.Trim()), AdminSteps.Wait);
        }
        using (var admin = await app.LogInAsAsync(DemoAccounts.Admin))
        {
            var (_, detail) = await admin.GetPageAsync($"/admin/ocpi/{connectionId}");
            Assert.Contains(report.FailedRequestId!, detail.QuerySelector("[data-testid=last-error]")!.TextContent, StringComparison.Ordinal);
        }

        cpo.RefuseAll = false;
        Assert.Equal(PullOutcome.Succeeded, (await app.PullAsync(connectionId, OcpiModule.Sessions)).Outcome);
        Assert.Equal(OcpiConnectionStatus.Connected, await app.QueryAsync(db => db.OcpiConnections.Where(c => c.Id == connectionId).Select(c => c.Status).SingleAsync()));
    }

    [Fact]
    public async Task PullAll_GoesOnPastAFailingConnection()
    {
        var (broken, brokenId) = await CpoWithSessionsAsync("FT6");
        var (working, workingId) = await CpoWithSessionsAsync("FT7");
        await using var _ = broken;
        await using var __ = working;
        broken.RefuseAll = true;

        IReadOnlyList<PullReport> reports;
        using (var scope = app.App.Services.CreateScope())
            reports = await scope.ServiceProvider.GetRequiredService<OcpiPuller>().PullAllAsync(PullMode.Incremental);

        Assert.All(reports.Where(r => r.ConnectionId == brokenId), r => Assert.Equal(PullOutcome.Failed, r.Outcome));
        Assert.Equal(PullOutcome.Succeeded, reports.Single(r => r.ConnectionId == workingId && r.Module == OcpiModule.Sessions).Outcome);
        Assert.Equal(4, reports.Count(r => r.ConnectionId == workingId));
    }
}

/// <summary>The portal with a circuit that opens after a few failures.</summary>
public sealed class OcpiCircuitAppFactory : OcpiPullAppFactory
{
    protected override string CircuitMinimumThroughput => "4";
}

public sealed class OpeningTheCircuitTests(OcpiCircuitAppFactory app) : IClassFixture<OcpiCircuitAppFactory>
{
    [Fact]
    public async Task RepeatedFailures_OpenTheCircuitOfThatConnectionOnly()
    {
        await using var broken = await FakeCpo.StartAsync(partyId: "CB1");
        await using var working = await FakeCpo.StartAsync(partyId: "CB2");
        var brokenId = await app.ConnectAsync(broken);
        var workingId = await app.ConnectAsync(working);
        broken.FailFromOffset = 0;

        var first = await app.PullAsync(brokenId, OcpiModule.Sessions);
        var triedFirst = broken.ListRequests("sessions").Count();
        var second = await app.PullAsync(brokenId, OcpiModule.Sessions);

        Assert.Equal(PullOutcome.Failed, first.Outcome);
        Assert.Equal(PullOutcome.Failed, second.Outcome);
        Assert.Contains("circuit", second.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(triedFirst, broken.ListRequests("sessions").Count());   // the open circuit spared the CPO
        Assert.Equal(PullOutcome.Succeeded, (await app.PullAsync(workingId, OcpiModule.Sessions)).Outcome);
        using var admin = await app.LogInAsAsync(DemoAccounts.Admin);
        var (_, detail) = await admin.GetPageAsync($"/admin/ocpi/{brokenId}");
        Assert.NotNull(detail.QuerySelector("[data-testid=circuit-open]"));
    }
}

/// <summary>The portal giving up on an OCPI answer after five seconds (long enough for a busy machine's quick answers).</summary>
public sealed class OcpiShortAttemptsAppFactory : OcpiPullAppFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?>(base.Settings) { ["Ocpi:Client:AttemptTimeout"] = "00:00:05" };
}

public sealed class RetryingASlowAnswerTests(OcpiShortAttemptsAppFactory app) : IClassFixture<OcpiShortAttemptsAppFactory>
{
    [Fact]
    public async Task AnAnswerSlowerThanTheTimeout_IsRetried()
    {
        await using var cpo = await FakeCpo.StartAsync(partyId: "FT2");
        cpo.Add("sessions", OcpiPullAppFactory.Session("FT2-S1", new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc)));
        var connectionId = await app.ConnectAsync(cpo);
        cpo.FailNextLists(new FakeCpo.Fault(Delay: TimeSpan.FromMinutes(5)));   // far beyond the attempt timeout

        var report = await app.PullAsync(connectionId, OcpiModule.Sessions);

        Assert.Equal(PullOutcome.Succeeded, report.Outcome);
        Assert.Equal(2, cpo.ListRequests("sessions").Count());
    }
}
