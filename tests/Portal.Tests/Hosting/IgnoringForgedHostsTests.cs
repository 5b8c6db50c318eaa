using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Accounts;
using Portal.Features.Assessment;
using Portal.Features.Admin;
using Portal.Integration.Accounts;
using Portal.Integration.Persistence;
using Portal.Tests.Applications;
using Portal.Tests.Infrastructure;
using Portal.Tests.Map;

namespace Portal.Tests.Hosting;

/// <summary>The portal with a configured public address that differs from the test server's own.</summary>
public sealed class PortalWithAPublicAddress : PortalWithFakePdok
{
    public const string PublicAddress = "https://laadpunten.arnhem.example";

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings) { ["App:PublicUrl"] = PublicAddress };
}

/// <summary>
/// Every request here names the host evil.example, as an attacker's forged Host header does: the links in
/// every mail still lead to the configured public address, and redirects stay on the portal.
/// </summary>
public sealed partial class IgnoringForgedHostsTests(PortalWithAPublicAddress app) : IClassFixture<PortalWithAPublicAddress>
{
    private static readonly Uri Forged = new("http://evil.example");

    [Fact]
    public async Task Registering_RedirectsWithinThePortal_AndMailsAConfirmationLinkToThePublicAddress()
    {
        const string email = "registratie@forged.test";
        using var client = app.CreateClient(Forged);
        var (_, form) = await client.GetPageAsync("/account/registreren");

        var registered = await client.SubmitAsync(form, "register", new Dictionary<string, string>
        {
            ["Form.DisplayName"] = "Roos Bewoner",
            ["Form.Email"] = email,
            ["Form.Password"] = "Laadpaal-Aanvraag-7",
            ["Form.ConfirmPassword"] = "Laadpaal-Aanvraag-7",
            ["Form.AcceptPrivacy"] = "true",
        });

        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        Assert.Equal($"/account/registreren/verstuurd?email={Uri.EscapeDataString(email)}", registered.Headers.Location!.OriginalString);
        AssertLinksLeadToThePublicAddress(app.Mail.MessagesTo(email).Single(), "/account/bevestigen");
    }

    [Fact]
    public async Task ResendingTheConfirmation_MailsALinkToThePublicAddress()
    {
        const string email = "nog-bevestigen@forged.test";
        using (var scope = app.App.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var user = new PortalUser { UserName = email, Email = email, DisplayName = "Nog Bevestigen", CreatedAtUtc = DateTime.UtcNow };
            Assert.True((await users.CreateAsync(user, PortalAppFactory.DemoPassword)).Succeeded);
            await users.AddToRoleAsync(user, PortalRoles.Resident);
        }
        using var client = app.CreateClient(Forged);
        var (_, form) = await client.GetPageAsync("/account/bevestiging-opnieuw");

        await client.SubmitAsync(form, "resend", new Dictionary<string, string> { ["Form.Email"] = email });

        AssertLinksLeadToThePublicAddress(app.Mail.MessagesTo(email).Single(), "/account/bevestigen");
    }

    [Fact]
    public async Task AForgottenPassword_MailsAResetLinkToThePublicAddress()
    {
        using var client = app.CreateClient(Forged);
        var (_, form) = await client.GetPageAsync("/account/wachtwoord-vergeten");

        await client.SubmitAsync(form, "forgot", new Dictionary<string, string> { ["Form.Email"] = DemoAccounts.Cpo });

        AssertLinksLeadToThePublicAddress(app.Mail.MessagesTo(DemoAccounts.Cpo).Single(), "/account/wachtwoord-instellen");
    }

    [Fact]
    public async Task InvitingStaff_AndInvitingAgain_MailLinksToThePublicAddress()
    {
        // The administrator invites from the interactive back office: the service runs with the forged host as the request's.
        const string email = "nieuwe.collega@forged.test";
        await using var scope = ScopeWithForgedRequest();
        var admin = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        var arnhem = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Municipalities.Where(m => m.Name == "Arnhem").Select(m => m.Id).SingleAsync();

        var created = await admin.CreateStaffAsync("Nieuwe Collega", email, new StaffAssignment(PortalRoles.Officer, [arnhem], null));
        Assert.True(created.Succeeded);
        AssertLinksLeadToThePublicAddress(app.Mail.MessagesTo(email).Single(), "/account/wachtwoord-instellen");

        Assert.True(await admin.ResendInvitationAsync(created.UserId!));
        var invitations = app.Mail.MessagesTo(email);
        Assert.Equal(2, invitations.Count);
        AssertLinksLeadToThePublicAddress(invitations[1], "/account/wachtwoord-instellen");
    }

    [Fact]
    public async Task SubmittingAnApplication_MailsALinkToThePublicAddress()
    {
        const string email = "aanvrager@forged.test";
        await OfficerTestData.ResidentAsync(app, email);
        using var resident = await app.LogInAsAsync(email, address: Forged);

        var id = await ApplyFlow.SubmittedAsync(resident);

        AssertLinksLeadToThePublicAddress((await app.DeliverMailAsync()).MessagesTo(email).Single(), $"/aanvragen/{id}");
    }

    [Fact]
    public async Task AnOfficersDecision_IsPreviewedAndMailedWithALinkToThePublicAddress()
    {
        const string email = "besluit@forged.test";
        var application = await OfficerTestData.SubmitAsync(app, await OfficerTestData.ResidentAsync(app, email), await OfficerTestData.ArnhemAsync(app), "Centrum", DateTime.UtcNow.AddDays(-1), houseNumber: 21);
        using var officer = await app.LogInAsAsync(DemoAccounts.Officer, address: Forged);
        Assert.Equal(HttpStatusCode.OK, (await officer.Http.GetAsync($"/beheer/aanvragen/{application.Id}")).StatusCode);
        var decision = new Decision(DecisionKind.Ask, "Stuur uw leasecontract mee.");

        // The page decides over its circuit, through the same service.
        var preview = await AsOfficerAsync(d => d.PreviewAsync(Officer, application.Id, decision));
        AssertLinksLeadToThePublicAddress(preview!.Body, $"/aanvragen/{application.Id}");
        await AsOfficerAsync(async d => { await d.DecideAsync(Officer, application.Id, decision); return true; });

        AssertLinksLeadToThePublicAddress((await app.DeliverMailAsync()).MessagesTo(email).Single(), $"/aanvragen/{application.Id}");
    }

    [Fact]
    public async Task ExtendingTheDecisionTerm_MailsALinkToThePublicAddress()
    {
        const string email = "verlenging@forged.test";
        var application = await OfficerTestData.SubmitAsync(app, await OfficerTestData.ResidentAsync(app, email), await OfficerTestData.ArnhemAsync(app), "Centrum", DateTime.UtcNow.AddDays(-1), houseNumber: 22);

        await AsOfficerAsync(d => d.ExtendDeadlineAsync(Officer, application.Id));

        AssertLinksLeadToThePublicAddress((await app.DeliverMailAsync()).MessagesTo(email).Single(), $"/aanvragen/{application.Id}");
    }

    private System.Security.Claims.ClaimsPrincipal Officer { get; set; } = new();

    private async Task<T> AsOfficerAsync<T>(Func<DecisionService, Task<T>> call)
    {
        Officer = await OfficerTestData.PrincipalAsync(app, DemoAccounts.Officer);
        using var scope = app.App.Services.CreateScope();
        return await call(scope.ServiceProvider.GetRequiredService<DecisionService>());
    }

    [Fact]
    public async Task IssuingTokenA_GivesTheCpoThePublicVersionsUrl()
    {
        await using var scope = ScopeWithForgedRequest();

        var outcome = await scope.ServiceProvider.GetRequiredService<OcpiAdministration>().IssueTokenAAsync("NL", "FHT", "Vervalste Host");

        Assert.Equal($"{PortalWithAPublicAddress.PublicAddress}/ocpi/versions", outcome.Issued!.VersionsUrl);
    }

    [Fact]
    public async Task TheLogInChallenge_RedirectsWithinThePortal()
    {
        using var client = app.CreateClient(Forged);

        var response = await client.Http.GetAsync("/aanvragen");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/inloggen?ReturnUrl=%2Faanvragen", response.Headers.Location!.OriginalString);
    }

    /// <summary>A scope of the portal's services in which the current request names the forged host.</summary>
    private AsyncServiceScope ScopeWithForgedRequest()
    {
        var scope = app.App.Services.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Scheme = Forged.Scheme;
        context.Request.Host = new HostString(Forged.Host);
        scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>().HttpContext = context;
        return scope;
    }

    /// <summary>The mail (or preview) links to <paramref name="path"/> on the public address, and never names the forged host.</summary>
    private static void AssertLinksLeadToThePublicAddress(string mail, string path)
    {
        Assert.DoesNotContain("evil.example", mail, StringComparison.OrdinalIgnoreCase);
        var links = Link().Matches(mail).Select(m => new Uri(m.Value)).ToList();
        Assert.Contains(links, l => l.AbsolutePath == path);
        Assert.All(links, l => Assert.Equal(PortalWithAPublicAddress.PublicAddress, l.GetLeftPart(UriPartial.Authority)));
    }

    [GeneratedRegex(@"https?://[^\s<>""]+")]
    private static partial Regex Link();
}
