using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Portal.Integration.Persistence;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Hosting;

public sealed partial class SharedKeysTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private static readonly WebApplicationFactoryClientOptions RawClient = new() { AllowAutoRedirect = false, HandleCookies = false };

    [Fact]
    public async Task CookieIssuedByOneNode_IsAcceptedByAnotherOnTheSameDatabase()
    {
        var authCookie = await LogInOnFirstNodeAsync();
        await using var secondNode = app.CreateSecondNode();
        using var second = secondNode.CreateClient(RawClient);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/beheer");
        request.Headers.Add("Cookie", authCookie);
        var response = await second.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var scope = secondNode.Services.CreateScope();
        Assert.NotEmpty(scope.ServiceProvider.GetRequiredService<PortalDbContext>().DataProtectionKeys);
    }

    private async Task<string> LogInOnFirstNodeAsync()
    {
        using var first = app.App.CreateClient(RawClient);
        var form = await first.GetAsync("/account/inloggen");
        var antiforgeryCookies = string.Join("; ", form.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        var token = WebUtility.HtmlDecode(Token().Match(await form.Content.ReadAsStringAsync()).Groups[1].Value);

        using var post = new HttpRequestMessage(HttpMethod.Post, "/account/inloggen")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "login",
                ["__RequestVerificationToken"] = token,
                ["Form.Email"] = DemoAccounts.Officer,
                ["Form.Password"] = PortalAppFactory.DemoPassword,
            }),
        };
        post.Headers.Add("Cookie", antiforgeryCookies);
        var response = await first.SendAsync(post);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Where(c => c.StartsWith("portal.auth", StringComparison.Ordinal)));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
