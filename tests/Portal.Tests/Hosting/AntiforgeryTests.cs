using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Portal.Integration.Accounts;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Hosting;

public sealed class AntiforgeryTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task LoginPostWithoutToken_IsRefused()
    {
        using var client = app.CreateClient();

        var response = await client.Http.PostAsync("/account/inloggen", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["Form.Email"] = DemoAccounts.Admin,
            ["Form.Password"] = PortalAppFactory.DemoPassword,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.DoesNotContain(response.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith("portal.auth=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task FormPostWithoutToken_CreatesNothing()
    {
        // The back office has no POST forms any more (it works over its circuit); the registration form is one that creates an account.
        using var client = app.CreateClient();

        var response = await client.Http.PostAsync("/account/registreren", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "register",
            ["Form.DisplayName"] = "Zonder Token",
            ["Form.Email"] = "zonder-token@arnhem.example",
            ["Form.Password"] = "Laadpaal-Aanvraag-7",
            ["Form.ConfirmPassword"] = "Laadpaal-Aanvraag-7",
            ["Form.AcceptPrivacy"] = "true",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await using var scope = app.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        Assert.Null(await users.FindByEmailAsync("zonder-token@arnhem.example"));
        Assert.Empty(app.Mail.MessagesTo("zonder-token@arnhem.example"));
    }

    [Fact]
    public async Task LogoutWithoutToken_KeepsTheUserLoggedIn()
    {
        using var client = await app.LogInAsAsync(DemoAccounts.Resident);

        var response = await client.Http.PostAsync("/account/uitloggen", new FormUrlEncodedContent(new Dictionary<string, string> { ["returnUrl"] = "/" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/mijn-gegevens")).StatusCode);
    }

    [Fact]
    public async Task LogoutWithToken_LogsOut()
    {
        using var client = await app.LogInAsAsync(DemoAccounts.Resident);
        var (_, page) = await client.GetPageAsync("/");
        var form = page.QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>("form[action='/account/uitloggen']")!;
        var token = form.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;

        var response = await client.Http.PostAsync("/account/uitloggen", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.Http.GetAsync("/mijn-gegevens")).StatusCode);
    }
}
