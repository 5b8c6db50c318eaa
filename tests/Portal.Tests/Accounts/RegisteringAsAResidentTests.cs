using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Portal.Integration.Accounts;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Accounts;

public sealed class RegisteringAsAResidentTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private const string Password = "Laadpaal-Aanvraag-7";

    private static Dictionary<string, string> Registration(string email) => new()
    {
        ["Form.DisplayName"] = "Roos Bewoner",
        ["Form.Email"] = email,
        ["Form.Password"] = Password,
        ["Form.ConfirmPassword"] = Password,
        ["Form.AcceptPrivacy"] = "true",
    };

    [Fact]
    public async Task ARegistrationInEnglish_KeepsEnglishAsTheLanguageForMails()
    {
        const string email = "rose@example.org";
        using var client = app.CreateClient();
        await client.Http.GetAsync("/taal/en");
        var (_, form) = await client.GetPageAsync("/account/registreren");

        await client.SubmitAsync(form, "register", Registration(email));

        using var scope = app.App.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        Assert.Equal("en", (await users.FindByEmailAsync(email))!.PreferredCulture);
    }

    [Fact]
    public async Task NewResident_ConfirmsByMail_ThenLogsIn()
    {
        const string email = "roos@voorbeeld.nl";
        using var client = app.CreateClient();
        var (_, form) = await client.GetPageAsync("/account/registreren");

        var registered = await client.SubmitAsync(form, "register", Registration(email));

        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        Assert.StartsWith("/account/registreren/verstuurd", registered.RedirectPath(), StringComparison.Ordinal);

        var beforeConfirming = await client.LogInAsync(email, Password);
        var (_, refused) = await client.FollowAsync(beforeConfirming);
        Assert.Contains("nog niet bevestigd", refused.QuerySelector("[role=alert]")?.TextContent, StringComparison.Ordinal);

        var link = app.Mail.LinkTo(email, "/account/bevestigen");
        var (_, confirmed) = await client.GetPageAsync(new Uri(link).PathAndQuery);
        Assert.Contains("bevestigd", confirmed.QuerySelector("[role=status]")?.TextContent, StringComparison.Ordinal);

        var login = await client.LogInAsync(email, Password);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/", login.RedirectPath());
        var (myData, _) = await client.GetPageAsync("/mijn-gegevens");
        Assert.Equal(HttpStatusCode.OK, myData.StatusCode);
    }

    [Fact]
    public async Task InvalidForm_ShowsMessagesNextToTheFields_AndKeepsWhatWasTyped()
    {
        using var client = app.CreateClient();
        var (_, form) = await client.GetPageAsync("/account/registreren");
        var fields = Registration("geen-adres");
        fields["Form.ConfirmPassword"] = "iets anders";
        fields.Remove("Form.AcceptPrivacy");

        var response = await client.SubmitAsync(form, "register", fields);
        var (_, page) = await client.FollowAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Roos Bewoner", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#name")!.Value);
        Assert.Equal("geen-adres", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#email")!.Value);
        Assert.Contains("geldig e-mailadres", page.QuerySelector("#email-error")?.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#confirm-error"));
        Assert.NotNull(page.QuerySelector("#privacy-error"));
        Assert.Equal("email-hint email-error", page.QuerySelector("#email")!.GetAttribute("aria-describedby"));
    }

    [Fact]
    public async Task WeakPassword_IsRefusedWithTheRuleThatFailed()
    {
        using var client = app.CreateClient();
        var (_, form) = await client.GetPageAsync("/account/registreren");
        var fields = Registration("zwak@voorbeeld.nl");
        fields["Form.Password"] = fields["Form.ConfirmPassword"] = "kort";

        var response = await client.SubmitAsync(form, "register", fields);
        var (_, page) = await client.FollowAsync(response);

        Assert.Contains("minstens 10 tekens", page.QuerySelector("[role=alert]")?.TextContent, StringComparison.Ordinal);
        Assert.Empty(app.Mail.MessagesTo("zwak@voorbeeld.nl"));
    }

    [Fact]
    public async Task SameEmailTwice_IsRefused()
    {
        using var client = app.CreateClient();
        var (_, form) = await client.GetPageAsync("/account/registreren");

        var response = await client.SubmitAsync(form, "register", Registration(DemoAccounts.Resident));
        var (_, page) = await client.FollowAsync(response);

        Assert.Contains("Er is al een account", page.QuerySelector("[role=alert]")?.TextContent ?? "", StringComparison.Ordinal);
    }
}
