using System.Net;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Admin;

public sealed class CreatingStaffTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task AdminCreatesAnOfficer_WhoSetsAPasswordFromTheInvitation_AndSeesTheirMunicipality()
    {
        using var admin = await app.LogInAsAsync(DemoAccounts.Admin);
        var (_, form) = await admin.GetPageAsync("/admin/gebruikers/nieuw");
        var arnhem = form.QuerySelector("input[name='Form.MunicipalityIds']")!.GetAttribute("value")!;

        var created = await admin.SubmitAsync(form, "new-user", new Dictionary<string, string>
        {
            ["Form.DisplayName"] = "Wim Wethouder",
            ["Form.Email"] = "wim@arnhem.example",
            ["Form.Role"] = "Officer",
            ["Form.MunicipalityIds"] = arnhem,
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);

        using var officer = app.CreateClient();
        var link = new Uri(app.Mail.LinkTo("wim@arnhem.example", "/account/wachtwoord-instellen"));
        var (_, setPassword) = await officer.GetPageAsync(link.PathAndQuery);
        var set = await officer.SubmitAsync(setPassword, "set-password", new Dictionary<string, string>
        {
            ["Form.Password"] = "Nieuw-Wachtwoord-42",
            ["Form.ConfirmPassword"] = "Nieuw-Wachtwoord-42",
        });
        Assert.Equal("/account/inloggen?wachtwoord=ingesteld", set.RedirectPath());

        Assert.Equal(HttpStatusCode.Redirect, (await officer.LogInAsync("wim@arnhem.example", "Nieuw-Wachtwoord-42")).StatusCode);
        var (dashboard, page) = await officer.GetPageAsync("/beheer");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Equal("Arnhem (GM0202)", page.QuerySelector("section h2")!.TextContent.Trim());
    }

    [Fact]
    public async Task OfficerWithoutMunicipality_IsRefusedWithTheReason_AndTheFormKeepsItsValues()
    {
        using var admin = await app.LogInAsAsync(DemoAccounts.Admin);
        var (_, form) = await admin.GetPageAsync("/admin/gebruikers/nieuw");

        var response = await admin.SubmitAsync(form, "new-user", new Dictionary<string, string>
        {
            ["Form.DisplayName"] = "Zonder Gemeente",
            ["Form.Email"] = "zonder@arnhem.example",
            ["Form.Role"] = "Officer",
        });
        var (_, page) = await admin.FollowAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("minstens één gemeente", page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("zonder@arnhem.example", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#email")!.Value);
        Assert.Empty(app.Mail.MessagesTo("zonder@arnhem.example"));
    }

    [Fact]
    public async Task UserPage_ShowsTheNewAccount_AndRefusesAnOperatorForAnOfficer()
    {
        using var admin = await app.LogInAsAsync(DemoAccounts.Admin);
        var (_, form) = await admin.GetPageAsync("/admin/gebruikers/nieuw");
        var arnhem = form.QuerySelector("input[name='Form.MunicipalityIds']")!.GetAttribute("value")!;
        var created = await admin.SubmitAsync(form, "new-user", new Dictionary<string, string>
        {
            ["Form.DisplayName"] = "Olga Officier",
            ["Form.Email"] = "olga@arnhem.example",
            ["Form.Role"] = "Officer",
            ["Form.MunicipalityIds"] = arnhem,
        });

        var (response, page) = await admin.FollowAsync(created);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("uitnodiging gestuurd naar olga@arnhem.example", page.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"input[name='Form.MunicipalityIds'][value='{arnhem}'][checked]"));

        var vattenfall = page.QuerySelectorAll("#operator option").First(o => o.TextContent == "Vattenfall InCharge").GetAttribute("value")!;
        var (_, refused) = await admin.FollowAsync(await admin.SubmitAsync(page, "assign", new Dictionary<string, string>
        {
            ["Form.MunicipalityIds"] = arnhem,
            ["Form.OperatorId"] = vattenfall,
        }));
        Assert.Contains("hoort niet bij een exploitant", refused.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
    }
}
