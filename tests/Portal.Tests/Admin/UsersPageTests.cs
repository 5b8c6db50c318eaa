using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Extensions;
using Portal.Components.BackOffice;
using Portal.Domain.Accounts;
using Portal.Features.Admin;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Admin;

/// <summary>The interactive users page (bUnit) over the real portal and its database.</summary>
public sealed class UsersPageTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private static readonly DateTime March = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);

    private static IReadOnlyList<string> Names(IRenderedComponent<UsersPage> page) =>
        page.FindAll("tbody tr td:nth-child(1)").Select(c => c.TextContent.Trim()).ToList();

    [Fact]
    public async Task TheGrid_ShowsTheAccounts_WithRoleTenantStateAndDate_AndLinksToEachAccount()
    {
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Admin);
        context.Navigation.NavigateTo($"/admin/gebruikers?zoek={DemoAccounts.Officer}");

        var page = context.Render<UsersPage>();

        page.WaitForAssertion(() => Assert.Single(Names(page)), Wait);
        var cells = page.FindAll("tbody tr td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(DemoAccounts.Officer, cells[1]);
        Assert.Contains("Gemeentemedewerker", cells[2], StringComparison.Ordinal);
        Assert.Contains("Arnhem", cells[3], StringComparison.Ordinal);
        Assert.Equal("Actief", cells[4]);
        Assert.StartsWith("/admin/gebruikers/", page.Find("tbody a").GetAttribute("href")!, StringComparison.Ordinal);
        Assert.Contains("1 gebruikers", page.Find("[role=status]").TextContent, StringComparison.Ordinal);
        // A new account is made in a dialog on this page (CreatingStaffTests).
        Assert.Single(page.FindAll("button"), b => b.TextContent.Trim() == "Nieuwe gebruiker");
    }

    [Fact]
    public async Task AnAddressWithSearchRoleAndSort_OpensTheGridInThatState()
    {
        await app.CreateStaffAsync("Adrespersoon Een", $"adres1-{Guid.NewGuid():N}@arnhem.example", PortalRoles.Officer, March);
        await app.CreateStaffAsync("Adrespersoon Twee", $"adres2-{Guid.NewGuid():N}@arnhem.example", PortalRoles.Officer, March.AddDays(1));
        await app.CreateStaffAsync("Adrespersoon Beheer", $"adres3-{Guid.NewGuid():N}@arnhem.example", PortalRoles.Admin, March);
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Admin);
        context.RenderProviders();
        context.Navigation.NavigateTo("/admin/gebruikers?zoek=adrespersoon&rol=Officer&sorteer=CreatedAtUtc&aflopend=1");

        var page = context.Render<UsersPage>();

        page.WaitForAssertion(() => Assert.Equal(["Adrespersoon Twee", "Adrespersoon Een"], Names(page)), Wait);
        Assert.Equal("adrespersoon", page.Find("#user-search").GetAttribute("value"));
        Assert.Equal(PortalRoles.Officer, page.FindComponent<MudSelect<string>>().Instance.GetState(x => x.Value));
    }

    [Fact]
    public async Task AnOldAddressSortingOnName_StillOpensSortedOnName()
    {
        await app.CreateStaffAsync("Oudadres Anna", $"oud1-{Guid.NewGuid():N}@arnhem.example", PortalRoles.Officer, March);
        await app.CreateStaffAsync("Oudadres Bert", $"oud2-{Guid.NewGuid():N}@arnhem.example", PortalRoles.Officer, March);
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Admin);
        context.RenderProviders();
        context.Navigation.NavigateTo("/admin/gebruikers?zoek=oudadres&sorteer=naam&aflopend=1");

        var page = context.Render<UsersPage>();

        page.WaitForAssertion(() => Assert.Equal(["Oudadres Bert", "Oudadres Anna"], Names(page)), Wait);
        Assert.Contains("sorteer=DisplayName", context.Navigation.Uri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchingAndChoosingARole_NarrowTheGrid_AndKeepBothInTheAddress()
    {
        await app.CreateStaffAsync("Kiespersoon Ambtenaar", $"kies1-{Guid.NewGuid():N}@arnhem.example", PortalRoles.Officer, March);
        await app.CreateStaffAsync("Kiespersoon Beheerder", $"kies2-{Guid.NewGuid():N}@arnhem.example", PortalRoles.Admin, March);
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Admin);
        context.RenderProviders();
        var page = context.Render<UsersPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(Names(page)), Wait);

        await page.Find("#user-search").InputAsync(new ChangeEventArgs { Value = "kiespersoon" });
        page.WaitForAssertion(() => Assert.Equal(["Kiespersoon Ambtenaar", "Kiespersoon Beheerder"], Names(page)), Wait);
        var select = page.FindComponent<MudSelect<string>>();
        await page.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(PortalRoles.Admin));

        page.WaitForAssertion(() => Assert.Equal(["Kiespersoon Beheerder"], Names(page)), Wait);
        Assert.EndsWith("/admin/gebruikers?zoek=kiespersoon&rol=Admin", context.Navigation.Uri, StringComparison.Ordinal);
        Assert.Contains("1 gebruikers", page.Find("[role=status]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACallForARoleThePersonDoesNotHold_IsRefused()
    {
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Officer);
        var calls = context.Services.GetRequiredService<ServiceCalls>();

        await Assert.ThrowsAsync<BackOfficeAccessDeniedException>(() =>
            calls.RunAsync(PortalRoles.Admin, (UserAdministration a) => a.UsersAsync(GridQuery.Default, null)));
    }
}
