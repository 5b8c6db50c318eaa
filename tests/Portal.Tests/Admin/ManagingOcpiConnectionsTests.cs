using System.Net;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Admin;

public sealed class ManagingOcpiConnectionsTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private static Dictionary<string, string> Fields(string country, string party, string name) =>
        new() { ["Form.CountryCode"] = country, ["Form.PartyId"] = party, ["Form.Name"] = name };

    [Fact]
    public async Task Officer_Gets403()
    {
        using var officer = await app.LogInAsAsync(DemoAccounts.Officer);

        var (response, _) = await officer.GetPageAsync("/admin/ocpi");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("N", "ABC", "Naam", "twee letters")]
    [InlineData("N1", "ABC", "Naam", "twee letters")]
    [InlineData("NL", "AB", "Naam", "drie letters of cijfers")]
    [InlineData("NL", "A-C", "Naam", "drie letters of cijfers")]
    [InlineData("NL", "ABC", "", "Vul dit veld in")]
    public async Task InvalidInput_IsRefused_AndNothingIsIssued(string country, string party, string name, string expected)
    {
        using var admin = await app.LogInAsAsync(DemoAccounts.Admin);
        var (_, page) = await admin.GetPageAsync("/admin/ocpi");

        var (_, answer) = await admin.FollowAsync(await admin.SubmitAsync(page, "issue-token-a", Fields(country, party, name)));

        Assert.Contains(expected, answer.Body!.TextContent, StringComparison.Ordinal);
        Assert.Null(answer.QuerySelector("[data-testid=token-a]"));
    }

    [Fact]
    public async Task EmptyState_ThenIssue_ThenDuplicateRefused_ThenRevokeAfterConfirmation()
    {
        using var admin = await app.LogInAsAsync(DemoAccounts.Admin);
        var (_, empty) = await admin.GetPageAsync("/admin/ocpi");
        Assert.Null(empty.QuerySelector("table"));

        var (_, issued) = await admin.FollowAsync(await admin.SubmitAsync(empty, "issue-token-a", Fields("nl", "dup", "Dubbel BV")));
        Assert.False(string.IsNullOrWhiteSpace(issued.QuerySelector("[data-testid=token-a]")!.TextContent));
        Assert.Equal("Wacht op aanmelding", issued.QuerySelector("td[data-testid=status]")!.TextContent);
        Assert.Contains("NL*DUP", issued.QuerySelector("tbody")!.TextContent, StringComparison.Ordinal);

        var (_, list) = await admin.GetPageAsync("/admin/ocpi");
        Assert.Null(list.QuerySelector("[data-testid=token-a]"));
        var (_, duplicate) = await admin.FollowAsync(await admin.SubmitAsync(list, "issue-token-a", Fields("NL", "DUP", "Nog eens")));
        Assert.Contains("al een verbinding", duplicate.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(duplicate.QuerySelector("[data-testid=token-a]"));

        var revokeUrl = list.QuerySelector("tbody a[href$='/intrekken']")!.GetAttribute("href")!;
        var (_, confirm) = await admin.GetPageAsync(revokeUrl);
        var revoked = await admin.SubmitAsync(confirm, "revoke-connection", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        var (_, after) = await admin.FollowAsync(revoked);
        Assert.Equal("Ingetrokken", after.QuerySelector("td[data-testid=status]")!.TextContent);
    }
}
