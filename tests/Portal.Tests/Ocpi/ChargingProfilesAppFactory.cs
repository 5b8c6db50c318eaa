using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Integration.Ocpi.ChargingProfiles;
using Portal.Integration.Ocpi.Pulling;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Ocpi;

/// <summary>
/// The portal for the charging-profile round trip: a fake clock (timeouts, waits and delays are read
/// from it), no scheduler (the tests deliver and expire by hand), and fake CPOs that can reach this test server.
/// </summary>
public class ChargingProfilesAppFactory : OcpiPullAppFactory
{
    /// <summary>The portal's public address as the fake CPOs reach it (the test server).</summary>
    public const string PortalBaseUrl = "http://localhost/";

    public FakeClock Clock { get; } = new();

    // No test here makes the CPO slow, so no attempt may time out: with the one second the fault tests use, a
    // loaded machine let the first PUT of a profile time out after the fake CPO had recorded it, and the
    // connection's pipeline (rightly) sent it again, so the CPO saw two PUTs for one request.
    protected override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?>(base.Settings) { ["Jobs:Enabled"] = "false", ["Ocpi:Client:AttemptTimeout"] = "00:01:00" };

    protected override void ConfigureTestServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);

    /// <summary>A fake CPO with a chargingprofiles receiver, connected, with one ACTIVE session pulled.</summary>
    internal async Task<(FakeCpo Cpo, Guid ConnectionId)> ConnectedCpoWithSessionAsync(string partyId, string sessionId)
    {
        var cpo = await FakeCpo.StartAsync(partyId: partyId);
        cpo.OffersChargingProfiles = true;
        cpo.PortalHttp = App.CreateClient();
        var session = Session(sessionId, Clock.GetUtcNow().UtcDateTime.AddMinutes(-5));
        session["party_id"] = partyId;
        cpo.Add("sessions", session);
        var connectionId = await ConnectAsync(cpo, $"Profiel-CPO {partyId}");
        var pulled = await PullAsync(connectionId, OcpiModule.Sessions, PullMode.Full);
        Assert.Equal(PullOutcome.Succeeded, pulled.Outcome);
        return (cpo, connectionId);
    }

    /// <summary>Queues a profile and delivers it at once (the job's work, done here by hand); the request as it stands after the call.</summary>
    internal async Task<ChargingProfileRequest> SendAsync(Guid connectionId, string sessionId, decimal limit = 6000, string unit = "W")
    {
        var queued = await QueueAsync(connectionId, sessionId, limit, unit);
        return await DeliverAsync(queued.Id) ?? throw new InvalidOperationException("The queued request was not due.");
    }

    internal async Task<ChargingProfileRequest> QueueAsync(Guid connectionId, string sessionId, decimal limit = 6000, string unit = "W")
    {
        using var scope = App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ChargingProfileSender>().QueueSetAsync(connectionId, sessionId, limit, unit, PortalBaseUrl, "test");
    }

    internal async Task<ChargingProfileRequest> GetActiveAsync(Guid connectionId, string sessionId)
    {
        ChargingProfileRequest queued;
        using (var scope = App.Services.CreateScope())
            queued = await scope.ServiceProvider.GetRequiredService<ChargingProfileSender>().QueueGetActiveAsync(connectionId, sessionId, 900, PortalBaseUrl, "test");
        return await DeliverAsync(queued.Id) ?? throw new InvalidOperationException("The queued request was not due.");
    }

    internal async Task<ChargingProfileRequest> ClearAsync(Guid connectionId, string sessionId)
    {
        ChargingProfileRequest queued;
        using (var scope = App.Services.CreateScope())
            queued = await scope.ServiceProvider.GetRequiredService<ChargingProfileSender>().QueueClearAsync(connectionId, sessionId, PortalBaseUrl, "test");
        return await DeliverAsync(queued.Id) ?? throw new InvalidOperationException("The queued request was not due.");
    }

    internal async Task<ChargingProfileRequest?> DeliverAsync(Guid requestId)
    {
        using var scope = App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ChargingProfileDelivery>().DeliverAsync(requestId);
    }

    internal async Task<ChargingProfileDeliveryReport> DeliverDueAsync()
    {
        using var scope = App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ChargingProfileDelivery>().DeliverDueAsync();
    }

    internal async Task<int> ExpireAsync()
    {
        using var scope = App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ChargingProfileSender>().ExpireAsync();
    }

    internal Task<ChargingProfileRequest> RequestAsync(Guid id) =>
        QueryAsync(db => db.ChargingProfileRequests.SingleAsync(r => r.Id == id));
}
