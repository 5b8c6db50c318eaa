using System.Net;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Accounts;

public sealed class RoleAccessTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    // The one page of each role that no other role may open.
    private static readonly Dictionary<string, string> PageOfRole = new()
    {
        [DemoAccounts.Resident] = "/mijn-gegevens",
        [DemoAccounts.Officer] = "/beheer",
        [DemoAccounts.Cpo] = "/cpo",
        [DemoAccounts.Admin] = "/admin/gebruikers",
    };

    public static TheoryData<string> RolePages => new(PageOfRole.Values.Concat(["/admin/gemeenten", "/admin/operators", "/admin/ocpi", "/admin/gebruikers/nieuw", "/account", "/mijn-gegevens/download"]));

    public static TheoryData<string> Accounts => new(PageOfRole.Keys);

    [Theory]
    [MemberData(nameof(RolePages))]
    public async Task AnonymousVisitor_IsSentToTheLoginPage(string path)
    {
        using var client = app.CreateClient();

        var response = await client.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/inloggen", response.Headers.Location!.AbsolutePath);
        Assert.Contains($"ReturnUrl={Uri.EscapeDataString(path)}", response.Headers.Location.Query, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Accounts))]
    public async Task EachRole_OpensItsOwnPage_AndGets403OnTheOthers(string account)
    {
        using var client = await app.LogInAsAsync(account);

        foreach (var (owner, path) in PageOfRole)
        {
            var (response, page) = await client.GetPageAsync(path);
            if (owner == account)
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }
            else
            {
                Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
                Assert.Equal("Geen toegang", page.QuerySelector("h1")?.TextContent);
            }
        }

        var (accountResponse, accountPage) = await client.GetPageAsync("/account");
        Assert.Equal(HttpStatusCode.OK, accountResponse.StatusCode);
        Assert.Contains(account, accountPage.QuerySelector("dl")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DemoAccounts.Resident, "/mijn-gegevens")]
    [InlineData(DemoAccounts.Officer, "/beheer")]
    [InlineData(DemoAccounts.Cpo, "/cpo")]
    [InlineData(DemoAccounts.Admin, "/admin/gebruikers", "/admin/gemeenten", "/admin/operators", "/admin/ocpi")]
    public async Task EachRole_SeesItsOwnNavigation_AndNotTheOthers(string account, params string[] own)
    {
        using var client = await app.LogInAsAsync(account);

        var (_, page) = await client.GetPageAsync("/");
        var links = page.QuerySelectorAll("nav.portal-nav a").Select(a => a.GetAttribute("href")).ToList();

        Assert.Contains("/", links);
        Assert.Contains("/laadpunten", links);
        Assert.Contains("/account", links);
        foreach (var path in own)
            Assert.Contains(path, links);
        foreach (var path in PageOfRole.Values.Concat(["/admin/gemeenten", "/admin/operators", "/admin/ocpi"]).Except(own))
            Assert.DoesNotContain(path, links);
    }

    [Fact]
    public async Task AnonymousVisitor_SeesPublicNavigationOnly()
    {
        using var client = app.CreateClient();

        var (_, page) = await client.GetPageAsync("/");
        var links = page.QuerySelectorAll("nav.portal-nav a").Select(a => a.GetAttribute("href")).ToList();

        Assert.Equal(["/", "/kaart", "/laadpunten", "/over"], links);
    }

    [Fact]
    public async Task OfficerDashboard_ShowsOnlyTheOfficersMunicipality()
    {
        using var client = await app.LogInAsAsync(DemoAccounts.Officer);

        var (_, page) = await client.GetPageAsync("/beheer");

        var headings = page.QuerySelectorAll("section h2").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal(["Arnhem (GM0202)"], headings);
    }

    [Fact]
    public async Task ResidentDataDownload_HoldsTheirOwnAccountOnly()
    {
        using var client = await app.LogInAsAsync(DemoAccounts.Resident);

        var json = await client.Http.GetStringAsync("/mijn-gegevens/download");

        Assert.Contains(DemoAccounts.Resident, json, StringComparison.Ordinal);
        Assert.DoesNotContain(DemoAccounts.Officer, json, StringComparison.Ordinal);
    }
}
