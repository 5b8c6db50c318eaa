using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Tests.Support;

namespace Portal.EndToEnd.Tests;

/// <summary>
/// The real portal on Kestrel (a free loopback port, its own SQLite file, demo mode on) and one
/// headless Debian Chromium driven by Playwright. Shared by every browser test.
/// </summary>
public sealed class PortalServer : IAsyncLifetime
{
    public const string DemoPassword = "E2e-Demo-Wachtwoord-1";

    private readonly string _dataFolder = Directory.CreateTempSubdirectory("portal-e2e-").FullName;
    private WebApplicationFactory<Program>? _app;
    private IPlaywright? _playwright;
    private FakePdokServer? _pdok;

    public string BaseUrl { get; private set; } = "";
    public IBrowser Browser { get; private set; } = default!;

    /// <summary>The mailbox: the portal's pickup folder, filled by the mail outbox job.</summary>
    public string MailFolder => Path.Combine(_dataFolder, "mail");

    public async Task InitializeAsync()
    {
        _pdok = await FakePdokServer.StartAsync();
        _app = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Testing");
            web.UseSetting("urls", "http://127.0.0.1:0");
            web.UseSetting("App:DataDirectory", _dataFolder);
            web.UseSetting("Database:Provider", "Sqlite");
            web.UseSetting("Demo:Enabled", "true");
            web.UseSetting("Demo:Password", DemoPassword);
            web.UseSetting("Theme:MunicipalityName", "Gemeente Arnhem");
            web.UseSetting("Geocoding:BaseUrl", _pdok.BaseUrl.ToString());
            web.UseSetting("Jobs:MailOutboxSeconds", "1");
        });
        _app.UseKestrel(0);
        _app.StartServer();
        var addresses = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().TrimEnd('/');

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(ChromiumOptions);
    }

    /// <summary>Headless Debian Chromium (<c>PORTAL_CHROMIUM</c>, else /usr/bin/chromium), as every browser test launches it.</summary>
    public static BrowserTypeLaunchOptions ChromiumOptions => new()
    {
        ExecutablePath = Environment.GetEnvironmentVariable("PORTAL_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium",
        Headless = true,
        // Debian's Chromium as root needs --no-sandbox; the rest keeps it off the (closed) network.
        Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    };

    /// <summary>The position of one of the demo charge locations, straight from the database.</summary>
    public (double Latitude, double Longitude) AChargeLocation()
    {
        using var scope = _app!.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Portal.Integration.Persistence.PortalDbContext>();
        var location = db.ChargeLocations.OrderBy(l => l.SourceId).Select(l => new { l.Latitude, l.Longitude }).First();
        return (location.Latitude, location.Longitude);
    }

    /// <summary>Reads something from the portal's database, to check what a page shows against it.</summary>
    public T Read<T>(Func<Portal.Integration.Persistence.PortalDbContext, T> read)
    {
        using var scope = _app!.Services.CreateScope();
        return read(scope.ServiceProvider.GetRequiredService<Portal.Integration.Persistence.PortalDbContext>());
    }

    /// <summary>Runs something with the portal's own services, to set up what a journey needs and no page offers (another operator's account).</summary>
    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> run)
    {
        await using var scope = _app!.Services.CreateAsyncScope();
        return await run(scope.ServiceProvider);
    }

    /// <summary>A fresh browser context; <paramref name="baseUrl"/> is another address that leads to this portal (a proxy), the portal itself by default.</summary>
    public async Task<IPage> NewPageAsync(bool javaScript = true, string? baseUrl = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl ?? BaseUrl, JavaScriptEnabled = javaScript, Locale = "nl-NL" });
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
            await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (_app is not null)
            await _app.DisposeAsync();
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

[CollectionDefinition(Name)]
public sealed class PortalCollection : ICollectionFixture<PortalServer>
{
    public const string Name = "portal";
}
