using System.Net;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Accounts;

public sealed class LockoutTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task FiveWrongPasswords_LockTheAccount_EvenForTheRightPassword()
    {
        using var client = app.CreateClient();

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            var (_, wrong) = await client.FollowAsync(await client.LogInAsync(DemoAccounts.Cpo, "Fout-wachtwoord-1"));
            Assert.Contains("klopt niet", wrong.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        }
        var (_, fifth) = await client.FollowAsync(await client.LogInAsync(DemoAccounts.Cpo, "Fout-wachtwoord-1"));
        Assert.Contains("geblokkeerd", fifth.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);

        var right = await client.LogInAsync(DemoAccounts.Cpo, PortalAppFactory.DemoPassword);

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        var (_, page) = await client.FollowAsync(right);
        Assert.Contains("geblokkeerd", page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.Http.GetAsync("/cpo")).StatusCode);
    }
}
