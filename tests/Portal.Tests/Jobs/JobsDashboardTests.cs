using System.Net;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Jobs;

/// <summary>Hangfire's dashboard at /admin/jobs over HTTP: administrators only, and its POST actions only with the antiforgery token its pages carry.</summary>
public sealed class JobsDashboardTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task AnAnonymousVisitor_IsSentToTheLoginPage()
    {
        using var client = app.CreateClient();

        using var response = await client.Http.GetAsync("/admin/jobs");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/inloggen", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains("admin%2Fjobs", response.Headers.Location.OriginalString, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(DemoAccounts.Officer)]
    [InlineData(DemoAccounts.Cpo)]
    [InlineData(DemoAccounts.Resident)]
    public async Task OtherRoles_AreRefused(string account)
    {
        using var client = await app.LogInAsAsync(account);

        using var page = await client.Http.GetAsync("/admin/jobs");
        using var stats = await client.Http.PostAsync("/admin/jobs/stats", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, stats.StatusCode);
    }

    [Fact]
    public async Task AnAdministrator_SeesTheDashboard_AndItsActionsNeedTheAntiforgeryToken()
    {
        using var client = await app.LogInAsAsync(DemoAccounts.Admin);

        var (response, page) = await client.GetPageAsync("/admin/jobs/recurring");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Achtergrondtaken", page.Title, StringComparison.Ordinal);
        var header = page.QuerySelector("meta[name=csrf-header]")!.GetAttribute("content")!;
        var token = page.QuerySelector("meta[name=csrf-token]")!.GetAttribute("content")!;

        // A cross-site form has the cookies but not the token: refused.
        using var forged = await client.Http.PostAsync("/admin/jobs/jobs/enqueued/delete", Form());
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);

        // The dashboard's own script sends the token in its header: accepted.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/admin/jobs/jobs/enqueued/delete") { Content = Form() };
        request.Headers.Add(header, token);
        using var own = await client.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.NoContent, own.StatusCode);
    }

    private static FormUrlEncodedContent Form() => new([new KeyValuePair<string, string>("jobs[]", "1")]);
}
