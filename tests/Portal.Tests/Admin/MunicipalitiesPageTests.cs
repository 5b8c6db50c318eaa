using Bunit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Portal.Components.BackOffice;
using Portal.Features.Admin;
using Portal.Integration.Accounts;
using Portal.Integration.Persistence;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Admin;

/// <summary>The interactive municipalities page (bUnit) over the real portal and its database.</summary>
public sealed class MunicipalitiesPageTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private static IReadOnlyList<string> Names(IRenderedComponent<MunicipalitiesPage> page) =>
        page.FindAll("tbody tr td:nth-child(2)").Select(c => c.TextContent.Trim()).ToList();

    [Fact]
    public async Task TheGrid_ShowsTheMunicipalities_FromTheDatabase_WithTheirCounts()
    {
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Admin);

        var page = context.Render<MunicipalitiesPage>();

        page.WaitForAssertion(() => Assert.Contains("Arnhem", Names(page)), Wait);
        var arnhem = page.FindAll("tbody tr").Single(r => r.TextContent.Contains("Arnhem", StringComparison.Ordinal));
        Assert.Contains("GM0202", arnhem.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("/admin/gemeenten/", arnhem.QuerySelector("a")!.GetAttribute("href")!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAddressWithSearchAndSort_OpensTheGridInThatState()
    {
        await app.RegisterMunicipalityAsync("GM0931", "Adresdorp Noord");
        await app.RegisterMunicipalityAsync("GM0932", "Adresdorp Zuid");
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Admin);
        context.Navigation.NavigateTo("/admin/gemeenten?zoek=adresdorp&sorteer=Name&aflopend=1");

        var page = context.Render<MunicipalitiesPage>();

        page.WaitForAssertion(() => Assert.Equal(["Adresdorp Zuid", "Adresdorp Noord"], Names(page)), Wait);
        Assert.Equal("adresdorp", page.Find("#municipality-search").GetAttribute("value"));
    }

    [Fact]
    public async Task Searching_NarrowsTheGrid_AndKeepsTheSearchInTheAddress()
    {
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Admin);
        var page = context.Render<MunicipalitiesPage>();
        page.WaitForAssertion(() => Assert.Contains("Arnhem", Names(page)), Wait);
        await app.RegisterMunicipalityAsync("GM0941", "Zoekdorp");

        await page.Find("#municipality-search").InputAsync(new Microsoft.AspNetCore.Components.ChangeEventArgs { Value = "zoekdorp" });

        page.WaitForAssertion(() => Assert.Equal(["Zoekdorp"], Names(page)), Wait);
        Assert.EndsWith("/admin/gemeenten?zoek=zoekdorp", context.Navigation.Uri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheAddDialog_SavesAMunicipality_ThatAppearsInTheGrid_WithASnackbar()
    {
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Admin);
        var dialogs = context.RenderProviders();
        var page = context.Render<MunicipalitiesPage>();
        page.WaitForAssertion(() => Assert.Contains("Arnhem", Names(page)), Wait);

        OpenAddDialog(page, dialogs);
        await dialogs.Find("#municipality-code").InputAsync(new Microsoft.AspNetCore.Components.ChangeEventArgs { Value = "gm0951" });
        await dialogs.Find("#municipality-name").InputAsync(new Microsoft.AspNetCore.Components.ChangeEventArgs { Value = "Dialoogdorp" });
        await SaveButton(dialogs).ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("Dialoogdorp", Names(page)), Wait);
        Assert.Empty(dialogs.FindAll(".mud-dialog"));
        Assert.Contains(context.Snackbar.ShownSnackbars, s => s.Message == "Gemeente Dialoogdorp is toegevoegd.");
        Assert.Equal("GM0951", await QueryAsync(db => db.Municipalities.Where(m => m.Name == "Dialoogdorp").Select(m => m.Code.Value).SingleAsync()));
    }

    [Fact]
    public async Task TheAddDialog_RefusesEmptyFieldsAndABadCode_InDutch_AndKeepsWhatWasTyped()
    {
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Admin);
        var dialogs = context.RenderProviders();
        var page = context.Render<MunicipalitiesPage>();
        OpenAddDialog(page, dialogs);

        await SaveButton(dialogs).ClickAsync(new());
        dialogs.WaitForAssertion(() => Assert.Equal(2, dialogs.FindAll(".mud-input-control").Count(e => e.TextContent.Contains("Vul dit veld in.", StringComparison.Ordinal))), Wait);

        await dialogs.Find("#municipality-code").InputAsync(new Microsoft.AspNetCore.Components.ChangeEventArgs { Value = "0344" });
        await dialogs.Find("#municipality-name").InputAsync(new Microsoft.AspNetCore.Components.ChangeEventArgs { Value = "Foutdorp" });
        await SaveButton(dialogs).ClickAsync(new());

        dialogs.WaitForAssertion(() => Assert.Contains("GM met vier cijfers", dialogs.Find("[role=alert]").TextContent, StringComparison.Ordinal), Wait);
        Assert.Equal("0344", dialogs.Find("#municipality-code").GetAttribute("value"));
        Assert.Equal("Foutdorp", dialogs.Find("#municipality-name").GetAttribute("value"));
        Assert.False(await QueryAsync(db => db.Municipalities.AnyAsync(m => m.Name == "Foutdorp")));
    }

    [Fact]
    public async Task TheAddDialog_RefusesACodeThatExists()
    {
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Admin);
        var dialogs = context.RenderProviders();
        var page = context.Render<MunicipalitiesPage>();
        OpenAddDialog(page, dialogs);

        await dialogs.Find("#municipality-code").InputAsync(new Microsoft.AspNetCore.Components.ChangeEventArgs { Value = "GM0202" });
        await dialogs.Find("#municipality-name").InputAsync(new Microsoft.AspNetCore.Components.ChangeEventArgs { Value = "Tweede Arnhem" });
        await SaveButton(dialogs).ClickAsync(new());

        dialogs.WaitForAssertion(() => Assert.Equal("Er is al een gemeente met deze code.", dialogs.Find("[role=alert]").TextContent.Trim()), Wait);
    }

    [Fact]
    public async Task AnAdministratorBlockedWhileThePageIsOpen_IsSentToTheLogInPage_AtTheNextCall()
    {
        var email = $"beheer-{Guid.NewGuid():N}@arnhem.example";
        await using (var scope = app.App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Tijdelijk Beheer" };
            Assert.True((await users.CreateAsync(user)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, Portal.Domain.Accounts.PortalRoles.Admin)).Succeeded);
        }
        await using var context = await BackOfficeContext.SignedInAsAsync(app, email);
        var page = context.Render<MunicipalitiesPage>();
        page.WaitForAssertion(() => Assert.Contains("Arnhem", Names(page)), Wait);

        await using (var scope = app.App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            await users.SetLockoutEnabledAsync(user, true);
            await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
        }
        var calls = context.Services.GetRequiredService<ServiceCalls>();

        await Assert.ThrowsAsync<BackOfficeAccessDeniedException>(() =>
            calls.RunAsync(Portal.Domain.Accounts.PortalRoles.Admin, (TenantAdministration t) => t.MunicipalitiesAsync(GridQuery.Default)));
        Assert.StartsWith("http://localhost/account/inloggen?returnUrl=", context.Navigation.Uri, StringComparison.Ordinal);
        Assert.True(context.Navigation.History.First().Options.ForceLoad);
    }

    [Fact]
    public async Task ACallForARoleThePersonDoesNotHold_IsRefused()
    {
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Officer);
        var calls = context.Services.GetRequiredService<ServiceCalls>();

        await Assert.ThrowsAsync<BackOfficeAccessDeniedException>(() =>
            calls.RunAsync(Portal.Domain.Accounts.PortalRoles.Admin, (TenantAdministration t) => t.RegisterMunicipalityAsync("GM0961", "Stiekemdorp")));
        Assert.False(await QueryAsync(db => db.Municipalities.AnyAsync(m => m.Name == "Stiekemdorp")));
    }

    /// <summary>Clicks "add"; the click's handler waits for the dialog's answer, so the test does not wait for the click.</summary>
    private static void OpenAddDialog(IRenderedComponent<MunicipalitiesPage> page, IRenderedComponent<MudDialogProvider> dialogs)
    {
        _ = page.FindAll("button").Single(b => b.TextContent.Contains("Gemeente toevoegen", StringComparison.Ordinal)).ClickAsync(new());
        dialogs.WaitForElement("#municipality-code", Wait);
    }

    private static AngleSharp.Dom.IElement SaveButton(IRenderedComponent<MudDialogProvider> dialogs) =>
        dialogs.FindAll(".mud-dialog-actions button").Single(b => b.TextContent.Contains("Gemeente toevoegen", StringComparison.Ordinal));

    private async Task<T> QueryAsync<T>(Func<PortalDbContext, Task<T>> query)
    {
        await using var scope = app.App.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }
}
