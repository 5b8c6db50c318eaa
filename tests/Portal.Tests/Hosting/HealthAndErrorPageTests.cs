using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Hosting;

/// <summary>A portal in the Production environment, with one route that fails on purpose.</summary>
public sealed class ProductionPortalFactory : PortalAppFactory
{
    protected override string Environment => "Production";

    // Host filtering as in production; the test client's own host is allowed too.
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["App:PublicUrl"] = "https://laadpunten.arnhem.example",
        ["AllowedHosts"] = "*.arnhem.example;localhost",
    };

    protected override void ConfigureTestServices(IServiceCollection services) =>
        services.AddSingleton<IStartupFilter, FailingRouteFilter>();

    private sealed class FailingRouteFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Use((HttpContext context, RequestDelegate nextMiddleware) =>
                context.Request.Path == "/test/kapot"
                    ? throw new InvalidOperationException("Secret detail: connection string xyz")
                    : nextMiddleware(context));
        };
    }
}

public sealed class HealthAndErrorPageTests(ProductionPortalFactory app) : IClassFixture<ProductionPortalFactory>
{
    [Fact]
    public async Task Health_ReportsTheDatabase()
    {
        using var client = app.CreateClient();

        var response = await client.Http.GetAsync("/health");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
        Assert.Equal("Healthy", json.RootElement.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
    }

    [Fact]
    public async Task UnknownAddress_GetsTheNotFoundPage()
    {
        using var client = app.CreateClient();

        var (response, page) = await client.GetPageAsync("/dit-bestaat-niet");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Pagina niet gevonden", page.QuerySelector("h1")!.TextContent);
        Assert.NotNull(page.QuerySelector("nav.portal-nav"));
    }

    [Fact]
    public async Task UnknownChargePoint_GetsTheNotFoundPage()
    {
        using var client = app.CreateClient();

        var (response, page) = await client.GetPageAsync($"/laadpunten/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Pagina niet gevonden", page.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task Failure_ShowsAFriendlyPageWithACorrelationId_AndNoStackTrace()
    {
        using var client = app.CreateClient();

        var (response, page) = await client.GetPageAsync("/test/kapot");
        var html = page.DocumentElement.OuterHtml;

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("Er ging iets mis", page.QuerySelector("h1")!.TextContent);
        Assert.Matches("^[0-9a-f]{32}$", page.QuerySelector("[data-testid=correlation-id]")!.TextContent);
        Assert.DoesNotContain("Secret detail", html, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AHostThatIsNotAllowed_IsRefused()
    {
        using var client = app.CreateClient(new Uri("http://evil.example"));

        var response = await client.Http.GetAsync("/account/wachtwoord-vergeten");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().Http.GetAsync("/account/wachtwoord-vergeten")).StatusCode);
    }
}
