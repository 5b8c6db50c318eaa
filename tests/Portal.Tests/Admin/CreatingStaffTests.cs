using System.Net;
using Bunit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Accounts;
using Portal.Features.Admin;
using Portal.Integration.Accounts;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Admin;

/// <summary>The new-user dialog on the users page (bUnit) and the invitation it mails, over the real portal and its database.</summary>
public sealed class CreatingStaffTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private static IReadOnlyList<string> Names(IRenderedComponent<UsersPage> page) =>
        page.FindAll("tbody tr td:nth-child(1)").Select(c => c.TextContent.Trim()).ToList();

    [Fact]
    public async Task AnOfficerMadeInTheDialog_IsInTheGrid_AndSetsAPasswordFromTheInvitation()
    {
        var arnhem = await app.ArnhemAsync();
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Admin);
        var dialogs = context.RenderProviders();
        context.Navigation.NavigateTo("/admin/gebruikers?zoek=wethouder");
        var page = context.Render<UsersPage>();
        page.WaitForAssertion(() => Assert.Contains("Geen gebruikers gevonden.", page.Markup, StringComparison.Ordinal), AdminSteps.Wait);

        page.PressAndWaitForDialog("Nieuwe gebruiker", dialogs);
        await dialogs.TypeAsync("#new-user-name", "Wim Wethouder");
        await dialogs.TypeAsync("#new-user-email", "wim@arnhem.example");
        await dialogs.ChooseAsync<string>("new-user-role", PortalRoles.Officer);
        dialogs.WaitForElement("#new-user-municipalities", AdminSteps.Wait);
        await dialogs.ChooseManyAsync("new-user-municipalities", arnhem);
        await dialogs.PressAsync("Gebruiker aanmaken en uitnodigen");

        page.WaitForAssertion(() => Assert.Equal(["Wim Wethouder"], Names(page)), AdminSteps.Wait);
        Assert.Empty(dialogs.FindAll(".mud-dialog"));
        Assert.Contains(context.Snackbar.ShownSnackbars, s => s.Message == "De gebruiker is aangemaakt. Er is een uitnodiging gestuurd naar wim@arnhem.example.");
        var created = await app.QueryAsync(db => db.Users.Include(u => u.Memberships).SingleAsync(u => u.Email == "wim@arnhem.example"));
        Assert.Equal([arnhem], created.Memberships.Select(m => m.MunicipalityId));
        Assert.Null(created.OperatorId);

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
        Assert.Equal(HttpStatusCode.OK, (await officer.Http.GetAsync("/beheer")).StatusCode);
    }

    [Fact]
    public async Task EmptyFields_AreRefusedInDutch_AndAnOfficerWithoutMunicipality_WithTheReason_KeepingWhatWasTyped()
    {
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Admin);
        var dialogs = context.RenderProviders();
        var page = context.Render<UsersPage>();
        page.PressAndWaitForDialog("Nieuwe gebruiker", dialogs);

        await dialogs.PressAsync("Gebruiker aanmaken en uitnodigen");
        dialogs.WaitForAssertion(() => Assert.Equal(3, dialogs.FindAll(".mud-input-control").Count(e => e.TextContent.Contains("Vul dit veld in.", StringComparison.Ordinal))), AdminSteps.Wait);

        await dialogs.TypeAsync("#new-user-name", "Zonder Gemeente");
        await dialogs.TypeAsync("#new-user-email", "zonder@arnhem.example");
        await dialogs.ChooseAsync<string>("new-user-role", PortalRoles.Officer);
        await dialogs.PressAsync("Gebruiker aanmaken en uitnodigen");

        dialogs.WaitForAssertion(() => Assert.Contains("minstens één gemeente", dialogs.Find("[role=alert]").TextContent, StringComparison.Ordinal), AdminSteps.Wait);
        Assert.Equal("Zonder Gemeente", dialogs.Find("#new-user-name").GetAttribute("value"));
        Assert.Equal("zonder@arnhem.example", dialogs.Find("#new-user-email").GetAttribute("value"));
        Assert.Empty(app.Mail.MessagesTo("zonder@arnhem.example"));
        Assert.False(await app.QueryAsync(db => db.Users.AnyAsync(u => u.Email == "zonder@arnhem.example")));
    }

    [Fact]
    public async Task ACpoUser_ChoosesAnOperator_AndTheFieldsFollowTheRole()
    {
        var operatorId = await app.RegisterOperatorAsync("Rolwissel Laden");
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Admin);
        var dialogs = context.RenderProviders();
        var page = context.Render<UsersPage>();
        page.PressAndWaitForDialog("Nieuwe gebruiker", dialogs);
        await dialogs.TypeAsync("#new-user-name", "Carla Cpo");
        await dialogs.TypeAsync("#new-user-email", "carla@laden.example");

        await dialogs.ChooseAsync<string>("new-user-role", PortalRoles.Officer);
        dialogs.WaitForElement("#new-user-municipalities", AdminSteps.Wait);
        await dialogs.ChooseManyAsync("new-user-municipalities", await app.ArnhemAsync());
        await dialogs.ChooseAsync<string>("new-user-role", PortalRoles.CpoUser);
        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("#new-user-municipalities")), AdminSteps.Wait);
        await dialogs.ChooseAsync<Guid?>("new-user-operator", operatorId);
        await dialogs.PressAsync("Gebruiker aanmaken en uitnodigen");

        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll(".mud-dialog")), AdminSteps.Wait);
        // The municipality chosen while the role was "officer" does not go along with a CPO user.
        var created = await app.QueryAsync(db => db.Users.Include(u => u.Memberships).SingleAsync(u => u.Email == "carla@laden.example"));
        Assert.Equal(operatorId, created.OperatorId);
        Assert.Empty(created.Memberships);
        Assert.Single(app.Mail.MessagesTo("carla@laden.example"));
    }

    [Fact]
    public async Task TheService_RefusesATenantTheRoleCannotHave_AndCreatesNothing()
    {
        var operatorId = await app.RegisterOperatorAsync("Verkeerde Tenant");
        await using var scope = app.App.Services.CreateAsyncScope();
        var admin = scope.ServiceProvider.GetRequiredService<UserAdministration>();

        var officerWithOperator = await admin.CreateStaffAsync("Olga Officier", "olga@arnhem.example", new StaffAssignment(PortalRoles.Officer, [await app.ArnhemAsync()], operatorId));
        var adminWithMunicipality = await admin.CreateStaffAsync("Bea Beheer", "bea@arnhem.example", new StaffAssignment(PortalRoles.Admin, [await app.ArnhemAsync()], null));
        var resident = await admin.CreateStaffAsync("Ria Resident", "ria@arnhem.example", new StaffAssignment(PortalRoles.Resident, [], null));

        Assert.Equal([StaffAssignmentProblem.OfficerCannotBelongToOperator], officerWithOperator.Problems);
        Assert.Equal([StaffAssignmentProblem.AdminBelongsToNoTenant], adminWithMunicipality.Problems);
        Assert.Equal([StaffAssignmentProblem.RoleNotAssignable], resident.Problems);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        Assert.Null(await users.FindByEmailAsync("olga@arnhem.example"));
        Assert.Null(await users.FindByEmailAsync("bea@arnhem.example"));
        Assert.Null(await users.FindByEmailAsync("ria@arnhem.example"));
    }

    [Fact]
    public async Task TheFormerNewUserAddress_LeadsToTheUsersPage_WhichOpensTheDialog()
    {
        using var admin = await app.LogInAsAsync(DemoAccounts.Admin);

        var response = await admin.Http.GetAsync("/admin/gebruikers/nieuw");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/gebruikers?nieuw=1", response.RedirectPath());
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Admin);
        var dialogs = context.RenderProviders();
        context.Navigation.NavigateTo("/admin/gebruikers?nieuw=1");
        context.Render<UsersPage>();
        dialogs.WaitForElement("#new-user-name", AdminSteps.Wait);
    }
}
