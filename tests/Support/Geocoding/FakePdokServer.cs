using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Integration.Geocoding;

namespace Portal.Tests.Support;

public enum PdokFault
{
    None,
    ServerErrorOnce,
    ServerErrorAlways,
    SlowOnce,
    SlowAlways,
    TooManyRequestsOnce,
    TooManyRequestsForLong,
    Garbage,
}

/// <summary>
/// A stand-in for the PDOK Locatieserver on a free loopback port, answering its Solr JSON from
/// <see cref="PdokFixtures"/>, with the faults a real service shows.
/// </summary>
public sealed class FakePdokServer : IAsyncDisposable
{
    public const string Root = "/bzk/locatieserver/search/v3_1";
    private static readonly TimeSpan SlowAnswer = TimeSpan.FromSeconds(10);

    private readonly WebApplication _app;
    private readonly PdokFault _fault;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly ConcurrentQueue<ReceivedRequest> _received = new();
    private readonly List<ServiceProvider> _clients = [];
    private readonly TaskCompletionSource _firstRequest = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _count;
    private readonly TaskCompletionSource _firstAbandoned = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private FakePdokServer(WebApplication app, PdokFault fault)
    {
        _app = app;
        _fault = fault;
    }

    public Uri BaseUrl { get; private set; } = null!;

    public IReadOnlyList<ReceivedRequest> Received => [.. _received];

    /// <summary>Completes when the client has given up on a request this server was still answering.</summary>
    public Task FirstAbandoned => _firstAbandoned.Task;

    /// <summary>Completes when the first request has arrived, so a test can act while it is being answered.</summary>
    public Task FirstRequest => _firstRequest.Task;

    public static async Task<FakePdokServer> StartAsync(PdokFault fault = PdokFault.None)
    {
        // Not Production: the portal's appsettings.Production.json is copied next to these binaries, and its
        // AllowedHosts would refuse requests to 127.0.0.1.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Urls.Add("http://127.0.0.1:0");

        var server = new FakePdokServer(app, fault);
        app.MapGet(Root + "/suggest", server.AnswerAsync);
        app.MapGet(Root + "/lookup", server.AnswerAsync);
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.BaseUrl = new Uri(address + Root + "/");
        return server;
    }

    /// <summary>The client exactly as the portal registers it, pointed at this server.</summary>
    public IAddressSearch CreateClient(int timeoutSeconds = 5)
    {
        var services = BuildServices(BaseUrl, timeoutSeconds);
        _clients.Add(services);
        return services.GetRequiredService<IAddressSearch>();
    }

    public static ServiceProvider BuildServices(Uri baseUrl, int timeoutSeconds)
    {
        var section = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["BaseUrl"] = baseUrl.ToString(),
            ["TimeoutSeconds"] = timeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }).Build();
        return new ServiceCollection().AddGeocoding(section).BuildServiceProvider();
    }

    private async Task AnswerAsync(HttpContext context)
    {
        var number = Interlocked.Increment(ref _count);
        _received.Enqueue(new ReceivedRequest(context.Request.Path.Value ?? "", context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString()), _clock.Elapsed));
        _firstRequest.TrySetResult();

        switch (_fault)
        {
            case PdokFault.ServerErrorAlways:
            case PdokFault.ServerErrorOnce when number == 1:
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                await context.Response.WriteAsync("Internal Server Error");
                return;
            case PdokFault.SlowAlways:
            case PdokFault.SlowOnce when number == 1:
                try
                {
                    await Task.Delay(SlowAnswer, context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    _firstAbandoned.TrySetResult();
                    return;
                }
                break;
            case PdokFault.TooManyRequestsOnce when number == 1:
                context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                context.Response.Headers.RetryAfter = "1";
                return;
            case PdokFault.TooManyRequestsForLong:
                context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                context.Response.Headers.RetryAfter = "3600";
                return;
            case PdokFault.Garbage:
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync("""{"response":{"numFound":1,"docs":[{"id":"adr-""");
                return;
        }

        context.Response.ContentType = "application/json; charset=utf-8";
        var body = context.Request.Path.Value!.EndsWith("/suggest", StringComparison.Ordinal)
            ? PdokFixtures.SuggestVelperweg
            : PdokFixtures.Lookup(context.Request.Query["id"].ToString());
        await context.Response.WriteAsync(body);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
            await client.DisposeAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

public sealed record ReceivedRequest(string Path, IReadOnlyDictionary<string, string> Query, TimeSpan At);
