using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Integration.Ocpi.ChargingProfiles;
using Portal.Integration.Ocpi.Client;
using Portal.Integration.Ocpi.Pulling;
using Portal.Integration.Persistence;

namespace Portal.Tests.Demo;

/// <summary>The simulated CPO, whose OCPI client calls also reach this test server, so the portal can call it.</summary>
public sealed class SimulatedCpoWithPortalClientApp : SimulatedCpoApp
{
    protected override void ConfigureTestServices(IServiceCollection services)
    {
        base.ConfigureTestServices(services);
        services.AddHttpClient<OcpiClient>()
            .ConfigurePrimaryHttpMessageHandler(provider => ((TestServer)provider.GetRequiredService<IServer>()).CreateHandler());
    }
}

/// <summary>The portal as ChargingProfiles Sender against the simulated CPO: the profile is accepted and its result comes back on the portal's callback.</summary>
public sealed class SendingChargingProfilesToTheSimulatedCpoTests(SimulatedCpoWithPortalClientApp app) : IClassFixture<SimulatedCpoWithPortalClientApp>
{
    [Fact]
    public async Task AProfileForAnActiveSimulatedSession_IsAccepted_ItsResultIsRecorded_AndTheCpoReportsTheActiveProfile()
    {
        await app.TickAsync(TimeSpan.FromSeconds(1));
        var connection = await app.ConnectionAsync();
        using (var scope = app.App.Services.CreateScope())
        {
            var outcome = await scope.ServiceProvider.GetRequiredService<OcpiPartners>().TestAsync(connection.Id);
            Assert.True(outcome.Succeeded, outcome.Error);
            var pulled = await scope.ServiceProvider.GetRequiredService<OcpiPuller>().PullAsync(connection.Id, OcpiModule.Sessions, PullMode.Full);
            Assert.Equal(PullOutcome.Succeeded, pulled.Outcome);
        }
        var sessionId = await QueryAsync(db => db.OcpiSessions.Where(s => s.ConnectionId == connection.Id && s.Status == "ACTIVE").Select(s => s.SessionId).FirstAsync());

        Guid requestId;
        using (var scope = app.App.Services.CreateScope())
        {
            requestId = (await scope.ServiceProvider.GetRequiredService<ChargingProfileSender>().QueueSetAsync(connection.Id, sessionId, 11000, "W", "http://localhost/", "test")).Id;
            // The scheduled delivery job may take it first; either way the call is made once.
            await scope.ServiceProvider.GetRequiredService<ChargingProfileDelivery>().DeliverAsync(requestId);
        }

        var recorded = await ResultAsync(requestId);
        Assert.Equal(1, recorded.Attempts);
        Assert.Equal("ACCEPTED", recorded.SyncResult);
        Assert.True(recorded.TimeoutSeconds > 0);
        Assert.Equal(ChargingProfileRequestState.ResultReceived, recorded.State);
        Assert.Equal("ACCEPTED", recorded.AsyncResult);
        Assert.True(recorded.DelayMilliseconds >= 0);
        var update = await UpdateAsync(connection.Id, sessionId);
        Assert.Equal(("W", 11000m), (update.ChargingRateUnit, update.LimitAtStart));
    }

    /// <summary>After its result the simulator PUTs the profile now in force: wait for it to be stored.</summary>
    private async Task<ActiveChargingProfileUpdate> UpdateAsync(Guid connectionId, string sessionId)
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            var update = await QueryAsync(db => db.ActiveChargingProfileUpdates.AsNoTracking().FirstOrDefaultAsync(u => u.ConnectionId == connectionId && u.SessionId == sessionId));
            if (update is not null)
                return update;
            await Task.Delay(50);
        }
        throw new TimeoutException("The simulated CPO reported no active profile.");
    }

    /// <summary>The simulator posts its result a moment after its answer: wait for both to be recorded.</summary>
    private async Task<ChargingProfileRequest> ResultAsync(Guid id)
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            var request = await QueryAsync(db => db.ChargingProfileRequests.AsNoTracking().SingleAsync(r => r.Id == id));
            if (request.ReceivedAtUtc is not null && request.AnsweredAtUtc is not null)
                return request;
            await Task.Delay(50);
        }
        throw new TimeoutException("The simulated CPO posted no result.");
    }

    private async Task<T> QueryAsync<T>(Func<PortalDbContext, Task<T>> query)
    {
        using var scope = app.App.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }
}
