using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// The real portal over HTTP, on its own empty database (SQLite, or PostgreSQL under the test
/// script), with demo mode on so the demo accounts and Arnhem's charge points exist.
/// Migrations run exactly as on a real start.
/// </summary>
public class PortalAppFactory : IAsyncLifetime
{
    public const string DemoPassword = "Test-Demo-Wachtwoord-1";

    private WebApplicationFactory<Program>? _app;

    public string DataFolder { get; } = Directory.CreateTempSubdirectory("portal-tests-").FullName;
    public TestDatabase Database { get; private set; } = default!;
    public MailPickup Mail => new(Path.Combine(DataFolder, "mail"));

    /// <summary>
    /// Delivers what is due in the mail outbox now, as the background job would, and returns the
    /// mailbox: status mails reach the pickup folder only through the outbox.
    /// </summary>
    public async Task<MailPickup> DeliverMailAsync()
    {
        using var scope = App.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<Portal.Integration.Mail.MailOutboxDelivery>().DeliverDueAsync();
        return Mail;
    }

    /// <summary>Settings a test class wants on top of the defaults.</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    protected virtual string Environment => "Testing";

    protected virtual void ConfigureTestServices(IServiceCollection services)
    {
    }

    public WebApplicationFactory<Program> App => _app ?? throw new InvalidOperationException("Not started.");

    /// <summary>Runs before the portal starts, e.g. to start a fake partner whose address goes into <see cref="Settings"/>.</summary>
    protected virtual Task BeforeStartAsync() => Task.CompletedTask;

    protected virtual ValueTask AfterStopAsync() => ValueTask.CompletedTask;

    public async Task InitializeAsync()
    {
        await BeforeStartAsync();
        Database = await TestDatabase.CreateAsync(DataFolder);
        _app = CreateApp(Database);
        _ = _app.Server;   // starts the host: migrations and demo seeding run now
    }

    /// <summary>Another portal node on the same database, as behind a load balancer.</summary>
    public WebApplicationFactory<Program> CreateSecondNode() => CreateApp(Database);

    private WebApplicationFactory<Program> CreateApp(TestDatabase database) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment(Environment);
            web.UseSetting("App:DataDirectory", DataFolder);
            // The test server's own address, so links in mails lead back to it.
            web.UseSetting("App:PublicUrl", "http://localhost");
            web.UseSetting("Database:Provider", database.Provider.ToString());
            web.UseSetting("Database:ConnectionString", database.ConnectionString);
            web.UseSetting("Demo:Enabled", "true");
            web.UseSetting("Demo:Password", DemoPassword);
            web.UseSetting("Theme:MunicipalityName", "Gemeente Arnhem");
            // No job server and no recurring jobs unless a test class asks (Jobs:Enabled=true); work a page
            // would hand to a job runs inline then. Scheduled OCPI pulls would call a test's fake CPO at
            // moments the test does not choose, so they stay off even then unless asked for.
            web.UseSetting("Jobs:Enabled", "false");
            web.UseSetting("Jobs:OcpiIncrementalPullMinutes", "0");
            web.UseSetting("Jobs:OcpiFullPullCron", "");
            web.UseSetting("Jobs:SmartChargingTestCron", "");
            // Each test class starts its own portal; the throw-away start-up PDF would only cost CPU (PdfWarmUpTests turn it on).
            web.UseSetting("Documents:WarmUpPdfOnStart", "false");
            foreach (var (key, value) in Settings)
                web.UseSetting(key, value);
            web.ConfigureTestServices(ConfigureTestServices);
        });

    /// <summary>A browser without JavaScript; with <paramref name="address"/>, every request names that host (as a forged Host header does).</summary>
    public PortalClient CreateClient(Uri? address = null) => new(App.CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        HandleCookies = true,
        BaseAddress = address ?? new Uri("http://localhost"),
    }));

    public async Task<PortalClient> LogInAsAsync(string email, string password = DemoPassword, Uri? address = null)
    {
        var client = CreateClient(address);
        var response = await client.LogInAsync(email, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
            await _app.DisposeAsync();
        await Database.DisposeAsync();
        await AfterStopAsync();
        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A SQLite file can stay locked for a moment after the host stops; the OS cleans temp.
        }
    }
}
