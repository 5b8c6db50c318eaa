using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Portal.Integration.Accounts;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Accounts;

public sealed class TwoFactorTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task EnablingAnAuthenticator_ThenLoggingInAsksForTheCode_AndARecoveryCodeWorksOnce()
    {
        using var client = await app.LogInAsAsync(DemoAccounts.Officer);
        var (_, start) = await client.GetPageAsync("/account/authenticator");
        var (_, setup) = await client.FollowAsync(await client.SubmitAsync(start, "create-authenticator-key", new Dictionary<string, string>()));
        var key = setup.QuerySelector(".portal-key")!.TextContent;
        Assert.NotNull(setup.QuerySelector(".portal-qr img[src^='data:image/png;base64,']"));

        var wrong = await client.SubmitAsync(setup, "enable-authenticator", new Dictionary<string, string> { ["Form.Code"] = "000000" == Totp.Code(key, DateTimeOffset.UtcNow) ? "111111" : "000000" });
        var (_, refused) = await client.FollowAsync(wrong);
        Assert.Contains("klopt niet", refused.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);

        var enabled = await client.SubmitAsync(refused, "enable-authenticator", new Dictionary<string, string> { ["Form.Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        var (_, codesPage) = await client.FollowAsync(enabled);
        var recoveryCodes = codesPage.QuerySelectorAll(".portal-recovery-codes code").Select(c => c.TextContent).ToList();
        Assert.Equal(10, recoveryCodes.Count);

        using var fresh = app.CreateClient();
        var password = await fresh.LogInAsync(DemoAccounts.Officer, PortalAppFactory.DemoPassword);
        Assert.StartsWith("/account/inloggen-2fa", password.RedirectPath(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await fresh.Http.GetAsync("/beheer")).StatusCode);

        var (_, challenge) = await fresh.GetPageAsync(password.RedirectPath());
        var verified = await fresh.SubmitAsync(challenge, "login-2fa", new Dictionary<string, string> { ["Form.Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        Assert.Equal(HttpStatusCode.Redirect, verified.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fresh.Http.GetAsync("/beheer")).StatusCode);

        using var withRecovery = app.CreateClient();
        await withRecovery.LogInAsync(DemoAccounts.Officer, PortalAppFactory.DemoPassword);
        var (_, recoveryForm) = await withRecovery.GetPageAsync("/account/inloggen-herstelcode");
        var recovered = await withRecovery.SubmitAsync(recoveryForm, "login-recovery", new Dictionary<string, string> { ["Form.Code"] = recoveryCodes[0] });
        Assert.Equal(HttpStatusCode.Redirect, recovered.StatusCode);

        using var reuse = app.CreateClient();
        await reuse.LogInAsync(DemoAccounts.Officer, PortalAppFactory.DemoPassword);
        var (_, again) = await reuse.GetPageAsync("/account/inloggen-herstelcode");
        var (_, reused) = await reuse.FollowAsync(await reuse.SubmitAsync(again, "login-recovery", new Dictionary<string, string> { ["Form.Code"] = recoveryCodes[0] }));
        Assert.Contains("al gebruikt", reused.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpeningTheAuthenticatorPage_ChangesNothing_UntilTheButtonIsPressed()
    {
        using var client = await app.LogInAsAsync(DemoAccounts.Cpo);
        var before = await SecurityStateAsync(DemoAccounts.Cpo);
        Assert.Null(before.Key);

        var (response, start) = await client.GetPageAsync("/account/authenticator");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(start.QuerySelector(".portal-key"));
        Assert.Equal(before, await SecurityStateAsync(DemoAccounts.Cpo));

        // A post from another site has no antiforgery token: refused, nothing changes.
        var forged = await client.Http.PostAsync("/account/authenticator", new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = "create-authenticator-key" }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(before, await SecurityStateAsync(DemoAccounts.Cpo));

        var created = await client.SubmitAsync(start, "create-authenticator-key", new Dictionary<string, string>());
        Assert.Equal("/account/authenticator", created.RedirectPath());
        var after = await SecurityStateAsync(DemoAccounts.Cpo);
        Assert.NotNull(after.Key);
        Assert.NotEqual(before.Stamp, after.Stamp);

        // The page now shows that key, and opening it again keeps it.
        var (_, setup) = await client.GetPageAsync("/account/authenticator");
        Assert.Equal(after.Key!.ToLowerInvariant(), setup.QuerySelector(".portal-key")!.TextContent.Replace(" ", "", StringComparison.Ordinal));
        Assert.Equal(after, await SecurityStateAsync(DemoAccounts.Cpo));
    }

    private async Task<(string? Key, string? Stamp)> SecurityStateAsync(string email)
    {
        using var scope = app.App.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No user {email}.");
        return (await users.GetAuthenticatorKeyAsync(user), await users.GetSecurityStampAsync(user));
    }
}
