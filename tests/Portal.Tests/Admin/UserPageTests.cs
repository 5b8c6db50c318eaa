using System.Net;
using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Components.BackOffice;
using Portal.Domain.Accounts;
using Portal.Features.Admin;
using Portal.Integration.Accounts;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Admin;

/// <summary>
/// One account's page (bUnit over the real portal and database): its role and tenants, blocking and unblocking,
/// inviting again; every change that takes access away is asked first, and ends the person's open sessions.
/// </summary>
public sealed class UserPageTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private static readonly DateTime March = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);

    private async Task<(string Id, string Email)> OfficerAsync(string name, params Guid[] municipalities)
    {
        var email = $"{Guid.NewGuid():N}@arnhem.example";
        var id = await app.CreateStaffAsync(name, email, PortalRoles.Officer, March);
        await using var scope = app.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Portal.Integration.Persistence.PortalDbContext>();
        foreach (var municipality in municipalities)
            db.OfficerMemberships.Add(new OfficerMembership { UserId = id, MunicipalityId = municipality });
        await db.SaveChangesAsync();
        return (id, email);
    }

    private static IRenderedComponent<EditUserPage> Open(BackOfficeContext context, string id) =>
        context.Render<EditUserPage>(p => p.Add(x => x.Id, id));

    private Task<PortalUser> AccountAsync(string id) =>
        app.QueryAsync(db => db.Users.AsNoTracking().Include(u => u.Memberships).SingleAsync(u => u.Id == id));

    private async Task<IList<string>> RolesAsync(string id)
    {
        await using var scope = app.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        return await users.GetRolesAsync((await users.FindByIdAsync(id))!);
    }

    private async Task<bool> StillSignedInAsync(ClaimsPrincipal principal)
    {
        await using var scope = app.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<StaffPrincipalCheck>().StillValidAsync(principal);
    }

    [Fact]
    public async Task ThePage_IsPrerenderedForAdministrators_AndRefusedToOthers()
    {
        var (id, email) = await OfficerAsync("Piet Prerender", await app.ArnhemAsync());
        using var admin = await app.LogInAsAsync(DemoAccounts.Admin);
        using var officer = await app.LogInAsAsync(DemoAccounts.Officer);

        var (response, page) = await admin.GetPageAsync($"/admin/gebruikers/{id}");
        var (refused, _) = await officer.GetPageAsync($"/admin/gebruikers/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Piet Prerender", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains(email, page.QuerySelector("[data-testid=account]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Arnhem", page.QuerySelector("[data-testid=tenant]")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task AddingAMunicipality_IsSavedAtOnce_ButTakingOneAway_IsAskedFirst_AndEndsTheirSessions()
    {
        var arnhem = await app.ArnhemAsync();
        var other = await app.RegisterMunicipalityAsync("GM1701", "Wisseldorp");
        var (id, email) = await OfficerAsync("Mira Memberschap", arnhem);
        var before = await app.PrincipalOfAsync(email);
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Admin);
        var dialogs = context.RenderProviders();
        var page = Open(context, id);
        page.WaitForElement("#user-municipalities", AdminSteps.Wait);

        await page.ChooseManyAsync("user-municipalities", arnhem, other);
        await page.PressAsync("Opslaan");

        Assert.Empty(dialogs.FindAll(".mud-dialog"));
        page.WaitForAssertion(() => Assert.Contains(context.Snackbar.ShownSnackbars, s => s.Message == "De wijzigingen zijn opgeslagen."), AdminSteps.Wait);
        Assert.Equal(new[] { arnhem, other }.Order(), (await AccountAsync(id)).Memberships.Select(m => m.MunicipalityId).Order());

        await page.ChooseManyAsync("user-municipalities", other);
        page.PressAndWaitForDialog("Opslaan", dialogs);
        await dialogs.ConfirmAsync("Mira Memberschap verliest hiermee de gemeente Arnhem.");

        page.WaitForAssertion(() => Assert.Equal("Wisseldorp", page.Find("[data-testid=tenant]").TextContent.Trim()), AdminSteps.Wait);
        Assert.Equal([other], (await AccountAsync(id)).Memberships.Select(m => m.MunicipalityId));
        Assert.False(await StillSignedInAsync(before));
    }

    [Fact]
    public async Task Cancelling_TheQuestion_ChangesNothing()
    {
        var arnhem = await app.ArnhemAsync();
        var other = await app.RegisterMunicipalityAsync("GM1702", "Blijfdorp");
        var (id, _) = await OfficerAsync("Bert Blijft", arnhem);
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Admin);
        var dialogs = context.RenderProviders();
        var page = Open(context, id);
        page.WaitForElement("#user-municipalities", AdminSteps.Wait);

        await page.ChooseManyAsync("user-municipalities", other);
        page.PressAndWaitForDialog("Opslaan", dialogs);
        await dialogs.PressAsync("Annuleren");

        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll(".mud-dialog")), AdminSteps.Wait);
        Assert.Equal([arnhem], (await AccountAsync(id)).Memberships.Select(m => m.MunicipalityId));
        Assert.DoesNotContain(context.Snackbar.ShownSnackbars, s => s.Message == "De wijzigingen zijn opgeslagen.");
    }

    [Fact]
    public async Task AnOfficerBecomesACpoUser_OnlyWithAnOperator_AfterConfirming()
    {
        var arnhem = await app.ArnhemAsync();
        var operatorId = await app.RegisterOperatorAsync("Overstap Energie");
        var (id, _) = await OfficerAsync("Otto Overstap", arnhem);
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Admin);
        var dialogs = context.RenderProviders();
        var page = Open(context, id);
        page.WaitForElement("#user-role", AdminSteps.Wait);

        await page.ChooseAsync<string>("user-role", PortalRoles.CpoUser);
        page.PressAndWaitForDialog("Opslaan", dialogs);
        await dialogs.ConfirmAsync("de rol Gemeentemedewerker, de gemeente Arnhem");
        page.WaitForAssertion(() => Assert.Contains("hoort bij een exploitant", page.Find("[data-testid=assignment-problems]").TextContent, StringComparison.Ordinal), AdminSteps.Wait);
        Assert.Equal([PortalRoles.Officer], await RolesAsync(id));

        await page.ChooseAsync<Guid?>("user-operator", operatorId);
        page.PressAndWaitForDialog("Opslaan", dialogs);
        await dialogs.ConfirmAsync("de rol Gemeentemedewerker");

        page.WaitForAssertion(() => Assert.Equal("CPO-gebruiker", page.Find("[data-testid=role]").TextContent.Trim()), AdminSteps.Wait);
        Assert.Equal([PortalRoles.CpoUser], await RolesAsync(id));
        var account = await AccountAsync(id);
        Assert.Equal(operatorId, account.OperatorId);
        Assert.Empty(account.Memberships);
    }

    [Fact]
    public async Task Blocking_IsAskedFirst_LocksTheAccount_AndEndsItsSessions_AndUnblockingLetsItBackIn()
    {
        var (id, email) = await OfficerAsync("Bo Blokkade", await app.ArnhemAsync());
        var before = await app.PrincipalOfAsync(email);
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Admin);
        var dialogs = context.RenderProviders();
        var page = Open(context, id);
        page.WaitForAssertion(() => Assert.Equal("Actief", page.Find("[data-testid=state]").TextContent.Trim()), AdminSteps.Wait);

        page.PressAndWaitForDialog("Blokkeren", dialogs);
        await dialogs.ConfirmAsync("Bo Blokkade kan daarna niet meer inloggen");

        page.WaitForAssertion(() => Assert.Equal("Geblokkeerd", page.Find("[data-testid=state]").TextContent.Trim()), AdminSteps.Wait);
        Assert.Contains(context.Snackbar.ShownSnackbars, s => s.Message == "Bo Blokkade is geblokkeerd.");
        Assert.False(await StillSignedInAsync(before));
        using (var client = app.CreateClient())
            Assert.NotEqual(HttpStatusCode.Redirect, (await client.LogInAsync(email, PortalAppFactory.DemoPassword)).StatusCode);

        await page.PressAsync("Blokkering opheffen");

        page.WaitForAssertion(() => Assert.Equal("Actief", page.Find("[data-testid=state]").TextContent.Trim()), AdminSteps.Wait);
        Assert.Contains(context.Snackbar.ShownSnackbars, s => s.Message == "De blokkering is opgeheven.");
        Assert.Null((await AccountAsync(id)).LockoutEnd);
    }

    [Fact]
    public async Task AnInvitedAccount_CanBeInvitedAgain()
    {
        await using (var scope = app.App.Services.CreateAsyncScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<UserAdministration>()
                .CreateStaffAsync("Ina Uitgenodigd", "ina@arnhem.example", new StaffAssignment(PortalRoles.Admin, [], null));
            Assert.True(created.Succeeded);
        }
        var id = await app.QueryAsync(db => db.Users.Where(u => u.Email == "ina@arnhem.example").Select(u => u.Id).SingleAsync());
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Admin);
        var page = Open(context, id);
        page.WaitForAssertion(() => Assert.Equal("Uitgenodigd", page.Find("[data-testid=state]").TextContent.Trim()), AdminSteps.Wait);

        await page.PressAsync("Uitnodiging opnieuw sturen");

        page.WaitForAssertion(() => Assert.Contains(context.Snackbar.ShownSnackbars, s => s.Message == "Er is een nieuwe uitnodiging gestuurd naar ina@arnhem.example."), AdminSteps.Wait);
        Assert.Equal(2, app.Mail.MessagesTo("ina@arnhem.example").Count);
    }

    [Fact]
    public async Task OnTheirOwnAccount_AnAdministrator_CanNeitherBlockNorChangeTheirRole()
    {
        var email = $"{Guid.NewGuid():N}@beheer.example";
        var id = await app.CreateStaffAsync("Eigen Beheerder", email, PortalRoles.Admin, March);
        var me = await app.PrincipalOfAsync(email);
        await using var context = await BackOfficeContext.SignedInAsAsync(app, email);
        var page = Open(context, id);
        page.WaitForElement("#user-role", AdminSteps.Wait);

        Assert.DoesNotContain(page.FindAll("button"), b => b.TextContent.Trim() == "Blokkeren");
        Assert.True(page.Find("#user-role").HasAttribute("disabled"));
        Assert.Contains("andere beheerder", page.Markup, StringComparison.Ordinal);
        await using var scope = app.App.Services.CreateAsyncScope();
        var admin = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        Assert.Equal(["U kunt uzelf niet blokkeren."], (await admin.BlockAsync(id, me)).Errors);
        Assert.False((await admin.AssignAsync(id, new StaffAssignment(PortalRoles.Officer, [await app.ArnhemAsync()], null), me)).Succeeded);
        Assert.Equal([PortalRoles.Admin], await RolesAsync(id));
        Assert.Null((await AccountAsync(id)).LockoutEnd);
    }

    [Fact]
    public async Task AResident_GetsNoRoleOrTenant_FromThePageOrTheService()
    {
        var admin = await app.PrincipalOfAsync(DemoAccounts.Admin);
        var id = await app.QueryAsync(db => db.Users.Where(u => u.Email == DemoAccounts.Resident).Select(u => u.Id).SingleAsync());
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Admin);
        var page = Open(context, id);
        page.WaitForAssertion(() => Assert.Equal("Bewoner", page.Find("[data-testid=role]").TextContent.Trim()), AdminSteps.Wait);

        Assert.Empty(page.FindAll("#user-role"));
        await using var scope = app.App.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<UserAdministration>().AssignAsync(id, new StaffAssignment(PortalRoles.Admin, [], null), admin);
        Assert.Equal([StaffAssignmentProblem.RoleNotAssignable], result.Problems);
        Assert.Equal([PortalRoles.Resident], await RolesAsync(id));
    }
}
