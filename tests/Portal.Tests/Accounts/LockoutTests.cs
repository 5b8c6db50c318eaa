using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Accounts;
using Portal.Integration.Accounts;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Accounts;

public sealed class LockoutTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private const string WrongPassword = "Fout-wachtwoord-1";

    [Fact]
    public async Task FiveWrongPasswords_LockTheAccount_EvenForTheRightPassword()
    {
        using var client = app.CreateClient();

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var (_, wrong) = await client.FollowAsync(await client.LogInAsync(DemoAccounts.Cpo, WrongPassword));
            Assert.Contains("klopt niet", wrong.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        }

        var right = await client.LogInAsync(DemoAccounts.Cpo, PortalAppFactory.DemoPassword);

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        var (_, page) = await client.FollowAsync(right);
        Assert.Contains("tijdelijk", page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.Http.GetAsync("/cpo")).StatusCode);
    }

    [Fact]
    public async Task ALockedAccount_GetsTheSameAnswerAsAnUnknownAddress()
    {
        using var client = app.CreateClient();
        for (var attempt = 1; attempt <= 5; attempt++)
            await client.LogInAsync(DemoAccounts.Officer, WrongPassword);

        var unknown = await AnswerAsync(client, "niemand@onbekend.example", WrongPassword);

        Assert.Equal(unknown, await AnswerAsync(client, DemoAccounts.Officer, WrongPassword));
        Assert.Equal(unknown, await AnswerAsync(client, DemoAccounts.Officer, PortalAppFactory.DemoPassword));
    }

    [Fact]
    public async Task AnUnconfirmedAccount_GetsTheSameAnswerAsAnUnknownAddress_UnlessThePasswordIsRight()
    {
        const string email = "nog-niet-bevestigd@voorbeeld.nl";
        using (var scope = app.App.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var user = new PortalUser { UserName = email, Email = email, DisplayName = "Nog Niet", CreatedAtUtc = DateTime.UtcNow };
            Assert.True((await users.CreateAsync(user, PortalAppFactory.DemoPassword)).Succeeded);
            await users.AddToRoleAsync(user, PortalRoles.Resident);
        }
        using var client = app.CreateClient();

        Assert.Equal(await AnswerAsync(client, "niemand@onbekend.example", WrongPassword), await AnswerAsync(client, email, WrongPassword));

        var (_, rightPassword) = await client.FollowAsync(await client.LogInAsync(email, PortalAppFactory.DemoPassword));
        Assert.Contains("nog niet bevestigd", rightPassword.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
    }

    /// <summary>What the log-in page answers: the status and everything it says.</summary>
    private static async Task<string> AnswerAsync(PortalClient client, string email, string password)
    {
        var response = await client.LogInAsync(email, password);
        var (_, page) = await client.FollowAsync(response);
        return $"{(int)response.StatusCode} {page.QuerySelector("main")!.TextContent}";
    }
}
