using Portal.Tests.Infrastructure;

namespace Portal.Tests.Hosting;

public sealed class SecurityHeaderTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/account/inloggen")]
    [InlineData("/bestaat-niet")]
    public async Task EveryPage_ForbidsFramingSniffingAndForeignScripts(string path)
    {
        using var client = app.CreateClient();

        var response = await client.Http.GetAsync(path);

        var csp = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task AuthenticationCookie_IsHttpOnlyAndSameSite()
    {
        using var client = app.CreateClient();
        var (_, page) = await client.GetPageAsync("/account/inloggen");

        var response = await client.SubmitAsync(page, "login", new Dictionary<string, string>
        {
            ["Form.Email"] = DemoAccounts.Resident,
            ["Form.Password"] = PortalAppFactory.DemoPassword,
        });

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("portal.auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }
}
