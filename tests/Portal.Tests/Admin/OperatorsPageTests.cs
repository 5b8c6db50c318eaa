using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Portal.Components.BackOffice;
using Portal.Features.Admin;
using Portal.Integration.Persistence;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Admin;

/// <summary>The interactive operators page (bUnit) over the real portal and its database.</summary>
public sealed class OperatorsPageTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private static IReadOnlyList<string> Names(IRenderedComponent<OperatorsPage> page) =>
        page.FindAll("tbody tr td:nth-child(1)").Select(c => c.TextContent.Trim()).ToList();

    [Fact]
    public async Task TheGrid_ShowsTheOperators_FromTheDatabase_WithPartyAndUsers()
    {
        await app.RegisterOperatorAsync("Rasterladen Zonder Partij");
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Admin);

        var page = context.Render<OperatorsPage>();

        page.WaitForAssertion(() => Assert.NotEmpty(Names(page)), Wait);
        await page.Find("#operator-search").InputAsync(new ChangeEventArgs { Value = "laden" });
        page.WaitForAssertion(() => Assert.Contains("Rasterladen Zonder Partij", Names(page)), Wait);
        var withoutParty = page.FindAll("tbody tr").Single(r => r.TextContent.Contains("Rasterladen Zonder Partij", StringComparison.Ordinal));
        Assert.Equal(["Rasterladen Zonder Partij", "–", "0"], withoutParty.QuerySelectorAll("td").Select(c => c.TextContent.Trim()));
    }

    [Fact]
    public async Task AnAddressWithSearchSortAndPage_OpensTheGridInThatState()
    {
        for (var i = 1; i <= 3; i++)
            await app.RegisterOperatorAsync($"Adresladen {i}");
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Admin);
        context.Navigation.NavigateTo("/admin/operators?zoek=adresladen&sorteer=Name&aflopend=1");

        var page = context.Render<OperatorsPage>();

        page.WaitForAssertion(() => Assert.Equal(["Adresladen 3", "Adresladen 2", "Adresladen 1"], Names(page)), Wait);
        Assert.Equal("adresladen", page.Find("#operator-search").GetAttribute("value"));
    }

    [Fact]
    public async Task Searching_NarrowsTheGrid_AndKeepsTheSearchInTheAddress()
    {
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Admin);
        var page = context.Render<OperatorsPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(Names(page)), Wait);
        await app.RegisterOperatorAsync("Zoekladen", "NL*ZK1");

        await page.Find("#operator-search").InputAsync(new ChangeEventArgs { Value = "nl*zk1" });

        page.WaitForAssertion(() => Assert.Equal(["Zoekladen"], Names(page)), Wait);
        Assert.StartsWith("http://localhost/admin/operators?zoek=", context.Navigation.Uri, StringComparison.Ordinal);
        Assert.Equal("nl*zk1", GridQuery.FromUri(context.Navigation.Uri).Search);
    }

    [Fact]
    public async Task TheAddDialog_SavesAnOperator_ThatAppearsInTheGrid_WithASnackbar()
    {
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Admin);
        context.Navigation.NavigateTo("/admin/operators?zoek=dialoogladen");
        var dialogs = context.RenderProviders();
        var page = context.Render<OperatorsPage>();
        page.WaitForAssertion(() => Assert.Contains("Geen exploitanten gevonden.", page.Markup, StringComparison.Ordinal), Wait);

        OpenAddDialog(page, dialogs);
        await dialogs.Find("#operator-name").InputAsync(new ChangeEventArgs { Value = "Dialoogladen" });
        await dialogs.Find("#operator-party").InputAsync(new ChangeEventArgs { Value = "nldl1" });
        await SaveButton(dialogs).ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("Dialoogladen", Names(page)), Wait);
        Assert.Empty(dialogs.FindAll(".mud-dialog"));
        Assert.Contains(context.Snackbar.ShownSnackbars, s => s.Message == "Exploitant Dialoogladen is toegevoegd.");
        Assert.Equal("NL*DL1", (await QueryAsync(db => db.Operators.Where(o => o.Name == "Dialoogladen").Select(o => o.PartyId).SingleAsync())).ToString());
    }

    [Fact]
    public async Task TheAddDialog_RefusesAnEmptyNameAndABadParty_InDutch_AndKeepsWhatWasTyped()
    {
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Admin);
        var dialogs = context.RenderProviders();
        var page = context.Render<OperatorsPage>();
        OpenAddDialog(page, dialogs);

        await SaveButton(dialogs).ClickAsync(new());
        dialogs.WaitForAssertion(() => Assert.Single(dialogs.FindAll(".mud-input-control"), e => e.TextContent.Contains("Vul dit veld in.", StringComparison.Ordinal)), Wait);

        await dialogs.Find("#operator-name").InputAsync(new ChangeEventArgs { Value = "Foutladen" });
        await dialogs.Find("#operator-party").InputAsync(new ChangeEventArgs { Value = "NL-X" });
        await SaveButton(dialogs).ClickAsync(new());

        dialogs.WaitForAssertion(() => Assert.Contains("bijvoorbeeld NL*TNM", dialogs.Find("[role=alert]").TextContent, StringComparison.Ordinal), Wait);
        Assert.Equal("Foutladen", dialogs.Find("#operator-name").GetAttribute("value"));
        Assert.Equal("NL-X", dialogs.Find("#operator-party").GetAttribute("value"));
        Assert.False(await QueryAsync(db => db.Operators.AnyAsync(o => o.Name == "Foutladen")));
    }

    [Fact]
    public async Task TheAddDialog_RefusesANameThatExists()
    {
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Admin);
        var dialogs = context.RenderProviders();
        var page = context.Render<OperatorsPage>();
        OpenAddDialog(page, dialogs);

        await dialogs.Find("#operator-name").InputAsync(new ChangeEventArgs { Value = "Vattenfall InCharge" });
        await SaveButton(dialogs).ClickAsync(new());

        dialogs.WaitForAssertion(() => Assert.Equal("Er is al een exploitant met deze naam.", dialogs.Find("[role=alert]").TextContent.Trim()), Wait);
        Assert.Equal("Vattenfall InCharge", dialogs.Find("#operator-name").GetAttribute("value"));
    }

    [Fact]
    public async Task ACallForARoleThePersonDoesNotHold_IsRefused()
    {
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Cpo);
        var calls = context.Services.GetRequiredService<ServiceCalls>();

        await Assert.ThrowsAsync<BackOfficeAccessDeniedException>(() =>
            calls.RunAsync(Portal.Domain.Accounts.PortalRoles.Admin, (TenantAdministration t) => t.RegisterOperatorAsync("Stiekemladen", null)));
        Assert.False(await QueryAsync(db => db.Operators.AnyAsync(o => o.Name == "Stiekemladen")));
    }

    /// <summary>Clicks "add"; the click's handler waits for the dialog's answer, so the test does not wait for the click.</summary>
    private static void OpenAddDialog(IRenderedComponent<OperatorsPage> page, IRenderedComponent<MudDialogProvider> dialogs)
    {
        _ = page.FindAll("button").Single(b => b.TextContent.Contains("Exploitant toevoegen", StringComparison.Ordinal)).ClickAsync(new());
        dialogs.WaitForElement("#operator-name", Wait);
    }

    private static AngleSharp.Dom.IElement SaveButton(IRenderedComponent<MudDialogProvider> dialogs) =>
        dialogs.FindAll(".mud-dialog-actions button").Single(b => b.TextContent.Contains("Exploitant toevoegen", StringComparison.Ordinal));

    private async Task<T> QueryAsync<T>(Func<PortalDbContext, Task<T>> query)
    {
        await using var scope = app.App.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }
}
