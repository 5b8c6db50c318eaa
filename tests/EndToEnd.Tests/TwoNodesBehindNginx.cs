using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Tests.Support;
using Portal.Tests.Infrastructure;

namespace Portal.EndToEnd.Tests;

/// <summary>
/// Two portal nodes (Kestrel on free loopback ports) on one database and one shared data folder, behind
/// an nginx with cookie affinity, as a municipality would run them; started once for the test class.
/// The database is a fresh PostgreSQL database when <c>PORTAL_TEST_POSTGRES</c> names a server (./test.sh
/// starts one), a fresh SQL Server database when <c>PORTAL_TEST_SQLSERVER</c> does, else one SQLite file
/// both nodes open (<see cref="TestDatabase"/> chooses).
/// </summary>
public sealed class TwoNodesBehindNginx : IAsyncLifetime
{
    private const int NodeCount = 2;

    private readonly string _dataFolder = Directory.CreateTempSubdirectory("portal-nodes-").FullName;
    private readonly List<WebApplicationFactory<Program>> _apps = [];
    private readonly List<string> _nodes = [];
    private readonly Dictionary<string, string> _keys = [];
    private TestDatabase? _database;
    private FakePdokServer? _pdok;
    private Nginx? _nginx;
    private IPlaywright? _playwright;

    /// <summary>The nodes as nginx names them in <see cref="Nginx.NodeHeader"/>: "127.0.0.1:port".</summary>
    public IReadOnlyList<string> Nodes => _nodes;

    /// <summary>The balancer's address: what browsers open.</summary>
    public string BaseUrl => _nginx?.BaseUrl ?? throw new InvalidOperationException("Not started.");

    public IBrowser Browser { get; private set; } = default!;

    /// <summary>The nginx configuration in use and its error log, for a failing test's message.</summary>
    public string Diagnostics => _nginx is null ? "" : $"{_nginx.Configuration}\n--- nginx:\n{_nginx.ErrorLog}";

    public async Task InitializeAsync()
    {
        _pdok = await FakePdokServer.StartAsync();
        _database = await TestDatabase.CreateAsync(_dataFolder);
        var port = Nginx.FreePort();
        var publicUrl = $"http://127.0.0.1:{port.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
        // One after the other: the first node migrates and seeds the demo data, the second finds them.
        for (var i = 0; i < NodeCount; i++)
            _nodes.Add(StartNode(publicUrl));
        _nginx = await Nginx.StartAsync(port, _nodes);

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(PortalServer.ChromiumOptions);
    }

    private string StartNode(string publicUrl)
    {
        var app = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Testing");
            web.UseSetting("urls", "http://127.0.0.1:0");
            // Shared by the nodes like the database: the residents' documents and the mail pickup folder.
            web.UseSetting("App:DataDirectory", _dataFolder);
            web.UseSetting("App:PublicUrl", publicUrl);
            web.UseSetting("Database:Provider", _database!.Provider.ToString());
            web.UseSetting("Database:ConnectionString", _database.ConnectionString);
            web.UseSetting("Demo:Enabled", "true");
            web.UseSetting("Demo:Password", PortalServer.DemoPassword);
            web.UseSetting("Theme:MunicipalityName", "Gemeente Arnhem");
            web.UseSetting("Geocoding:BaseUrl", _pdok!.BaseUrl.ToString());
            web.UseSetting("Jobs:OcpiIncrementalPullMinutes", "0");
            web.UseSetting("Jobs:OcpiFullPullCron", "");
        });
        _apps.Add(app);
        app.UseKestrel(0);
        app.StartServer();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address).Authority;
    }

    /// <summary>
    /// A value of the affinity cookie that nginx sends to <paramref name="node"/>: found by asking, as
    /// the hash is nginx's business. A browser with this cookie is pinned to that node.
    /// </summary>
    public async Task<string> AffinityKeyForAsync(string node)
    {
        if (_keys.TryGetValue(node, out var known))
            return known;
        using var client = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = new Uri(BaseUrl) };
        for (var i = 0; i < 64 && !_keys.ContainsKey(node); i++)
        {
            var key = $"pin{i.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
            using var request = new HttpRequestMessage(HttpMethod.Get, "/over");
            request.Headers.Add("Cookie", $"{Nginx.AffinityCookie}={key}");
            using var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            _keys.TryAdd(response.Headers.GetValues(Nginx.NodeHeader).Single(), key);
        }
        return _keys.TryGetValue(node, out var found) ? found : throw new InvalidOperationException($"No affinity key leads to {node}.\n{Diagnostics}");
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
            await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (_nginx is not null)
            await _nginx.DisposeAsync();
        foreach (var app in _apps)
            await app.DisposeAsync();
        if (_database is not null)
            await _database.DisposeAsync();
        if (_pdok is not null)
            await _pdok.DisposeAsync();
        try
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
        catch (IOException)
        {
            // The OS cleans its temp folder; a lingering SQLite handle must not fail the run.
        }
    }
}

/// <summary>The two-node tests run alone: two more portals and an nginx must not slow the other browser tests down.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SeveralNodesCollection
{
    public const string Name = "several nodes";
}
