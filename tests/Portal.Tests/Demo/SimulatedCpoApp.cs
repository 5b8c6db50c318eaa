using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Features.Demo.SimulatedCpo;
using Portal.Integration.Ocpi.Connections;
using Portal.Integration.Persistence;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Demo;

/// <summary>
/// The portal with its simulated CPO switched on: a fake clock, no ticks after the first (the tests tick),
/// a dozen locations, and the simulator's HttpClient routed to this test server, except calls to
/// host callbacks.test, which <see cref="Callbacks"/> records (the response_urls of charging profiles).
/// </summary>
public class SimulatedCpoApp : PortalAppFactory
{
    public const string CallbackHost = "callbacks.test";

    public FakeClock Clock { get; } = new();
    public CallbackRecorder Callbacks { get; } = new();

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Demo:SimulatedCpo:Enabled"] = "true",
        ["Demo:SimulatedCpo:PortalUrl"] = "http://localhost",
        ["Demo:SimulatedCpo:TickSeconds"] = "10",
        ["Demo:SimulatedCpo:TickInBackground"] = "false",
        ["Demo:SimulatedCpo:MaxLocations"] = "12",
        ["Demo:SimulatedCpo:Seed"] = "20260701",
        ["Demo:SimulatedCpo:PageLimit"] = "5",
        ["Demo:SimulatedCpo:ResultDelayMilliseconds"] = "40",
        // Every EVSE takes profiles and keeps to them, unless a test class asks otherwise.
        ["Demo:SimulatedCpo:NotCapableShare"] = "0",
        ["Demo:SimulatedCpo:IgnoringLimitShare"] = "0",
    };

    protected override void ConfigureTestServices(IServiceCollection services)
    {
        services.AddSingleton<TimeProvider>(Clock);
        services.AddHttpClient(SimulatedCpoClient.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(provider => new CallbackRecorderHandler(Callbacks, ((TestServer)provider.GetRequiredService<IServer>()).CreateHandler()));
    }

    internal SimulatedCpoRunner Runner => App.Services.GetRequiredService<SimulatedCpoRunner>();
    internal SimulatedCpoWorld World => App.Services.GetRequiredService<SimulatedCpoWorld>();

    /// <summary>Moves the clock and runs one simulation step, as the background loop would.</summary>
    public async Task TickAsync(TimeSpan after)
    {
        Clock.Advance(after);
        await Runner.TickAsync();
    }

    /// <summary>The simulated CPO's live connection (the demo's usage history sits on a revoked one of the same party).</summary>
    public async Task<OcpiConnection> ConnectionAsync()
    {
        using var scope = App.Services.CreateScope();
        var party = World.Party;
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().OcpiConnections.AsNoTracking()
            .SingleAsync(c => c.CountryCode == party.CountryCode && c.PartyId == party.PartyId && c.Status != OcpiConnectionStatus.Revoked);
    }

    /// <summary>An HTTP client calling the simulator with the token the portal holds for it (what pulling would use).</summary>
    public async Task<HttpClient> PortalSideClientAsync()
    {
        var connection = await ConnectionAsync();
        using var scope = App.Services.CreateScope();
        var token = scope.ServiceProvider.GetRequiredService<OcpiConnections>().PartnerToken(connection)!;
        var http = App.CreateClient();
        http.DefaultRequestHeaders.Authorization = new("Token", Convert.ToBase64String(Encoding.UTF8.GetBytes(token)));
        return http;
    }
}

/// <summary>What the simulator posted to callbacks.test, by path.</summary>
public sealed class CallbackRecorder
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<JsonElement>> _posts = new();

    public Task<JsonElement> PostedToAsync(string path) => Slot(path).Task.WaitAsync(TimeSpan.FromSeconds(30));

    public bool HasPost(string path) => _posts.TryGetValue(path, out var slot) && slot.Task.IsCompleted;

    internal void Record(string path, JsonElement body) => Slot(path).TrySetResult(body);

    private TaskCompletionSource<JsonElement> Slot(string path) =>
        _posts.GetOrAdd(path, _ => new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously));
}

internal sealed class CallbackRecorderHandler(CallbackRecorder recorder, HttpMessageHandler testServer) : DelegatingHandler(testServer)
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri?.Host != SimulatedCpoApp.CallbackHost)
            return await base.SendAsync(request, cancellationToken);
        var body = request.Content is null ? "null" : await request.Content.ReadAsStringAsync(cancellationToken);
        recorder.Record(request.RequestUri.AbsolutePath, JsonDocument.Parse(body).RootElement.Clone());
        return new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent("{\"status_code\":1000,\"timestamp\":\"2026-07-01T00:00:00Z\"}", Encoding.UTF8, "application/json"),
        };
    }
}
