using System.Net;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Portal.Components.BackOffice;
using Portal.Features.Admin;
using Portal.Integration.Ocpi.Connections;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Admin;

/// <summary>
/// The OCPI connections page (bUnit over the real portal and database): the grid searched, filtered and sorted
/// in the database, token A issued in a dialog and shown once, and a connection revoked after confirmation.
/// </summary>
public sealed class ManagingOcpiConnectionsTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private static IReadOnlyList<string> Parties(IRenderedComponent<OcpiConnectionsPage> page) =>
        page.FindAll("tbody tr td:nth-child(2)").Select(c => c.TextContent.Trim()).ToList();

    private async Task<GridPage<OcpiConnectionRow>> ConnectionsAsync(GridQuery query, OcpiConnectionStatus? status = null)
    {
        await using var scope = app.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OcpiConnectionQueries>().ConnectionsAsync(query, status);
    }

    private async Task<Guid> IssueAsync(string country, string party, string name)
    {
        await using var scope = app.App.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<OcpiAdministration>().IssueTokenAAsync(country, party, name)).Issued!.ConnectionId;
    }

    private static void OpenIssueDialog(IRenderedComponent<OcpiConnectionsPage> page, IRenderedComponent<MudDialogProvider> dialogs)
    {
        page.PressAndWaitForDialog("Token A uitgeven", dialogs);
        dialogs.WaitForElement("#issue-country", AdminSteps.Wait);
    }

    [Fact]
    public async Task Officers_Get403_AndAdministratorsThePrerenderedPage()
    {
        using var officer = await app.LogInAsAsync(DemoAccounts.Officer);
        using var admin = await app.LogInAsAsync(DemoAccounts.Admin);

        var (refused, _) = await officer.GetPageAsync("/admin/ocpi");
        var (response, page) = await admin.GetPageAsync("/admin/ocpi");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("OCPI-verbindingen", page.QuerySelector("h1")!.TextContent.Trim());
    }

    [Theory]
    [InlineData("N", "ABC", "Naam", "twee letters")]
    [InlineData("N1", "ABC", "Naam", "twee letters")]
    [InlineData("NL", "AB", "Naam", "drie letters of cijfers")]
    [InlineData("NL", "A-C", "Naam", "drie letters of cijfers")]
    [InlineData("NL", "ABC", "", "Vul dit veld in.")]
    public async Task InvalidInput_IsRefusedInTheDialog_AndNothingIsIssued(string country, string party, string name, string expected)
    {
        var before = await app.QueryAsync(db => db.OcpiConnections.CountAsync());
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Admin);
        var dialogs = context.RenderProviders();
        var page = context.Render<OcpiConnectionsPage>();
        OpenIssueDialog(page, dialogs);

        await dialogs.TypeAsync("#issue-country", country);
        await dialogs.TypeAsync("#issue-party", party);
        await dialogs.TypeAsync("#issue-name", name);
        await dialogs.PressAsync("Token A uitgeven");

        dialogs.WaitForAssertion(() => Assert.Contains(expected, dialogs.Find(".mud-dialog").TextContent, StringComparison.Ordinal), AdminSteps.Wait);
        Assert.Empty(dialogs.FindAll("[data-testid=token-a]"));
        Assert.Equal(country, dialogs.Find("#issue-country").GetAttribute("value"));
        Assert.Equal(before, await app.QueryAsync(db => db.OcpiConnections.CountAsync()));
    }

    [Fact]
    public async Task IssuingTokenA_ShowsItOnce_ThenTheConnectionWaits_ADuplicateIsRefused_AndRevokingAsksFirst()
    {
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Admin);
        var dialogs = context.RenderProviders();
        context.Navigation.NavigateTo("/admin/ocpi?zoek=dup");
        var page = context.Render<OcpiConnectionsPage>();
        page.WaitForAssertion(() => Assert.Contains("Geen verbindingen gevonden.", page.Markup, StringComparison.Ordinal), AdminSteps.Wait);

        OpenIssueDialog(page, dialogs);
        await dialogs.TypeAsync("#issue-country", "nl");
        await dialogs.TypeAsync("#issue-party", "dup");
        await dialogs.TypeAsync("#issue-name", "Dubbel BV");
        await dialogs.PressAsync("Token A uitgeven");

        dialogs.WaitForElement("[data-testid=token-a]", AdminSteps.Wait);
        var token = dialogs.Find("[data-testid=token-a]").TextContent;
        Assert.False(string.IsNullOrWhiteSpace(token));
        Assert.Equal("http://localhost/ocpi/versions", dialogs.Find("[data-testid=versions-url]").TextContent);
        var stored = await app.QueryAsync(db => db.OcpiConnections.AsNoTracking().SingleAsync(c => c.PartyId == "DUP"));
        Assert.Equal(OcpiTokens.Hash(token), stored.TokenAHash);
        await dialogs.PressAsync("Sluiten");

        page.WaitForAssertion(() => Assert.Equal(["NL*DUP"], Parties(page)), AdminSteps.Wait);
        Assert.Equal("Wacht op aanmelding", page.Find("tbody [data-testid=status]").TextContent.Trim());
        Assert.Empty(dialogs.FindAll("[data-testid=token-a]"));

        OpenIssueDialog(page, dialogs);
        await dialogs.TypeAsync("#issue-country", "NL");
        await dialogs.TypeAsync("#issue-party", "DUP");
        await dialogs.TypeAsync("#issue-name", "Nog eens");
        await dialogs.PressAsync("Token A uitgeven");
        dialogs.WaitForAssertion(() => Assert.Contains("al een verbinding", dialogs.Find("[role=alert]").TextContent, StringComparison.Ordinal), AdminSteps.Wait);
        Assert.Empty(dialogs.FindAll("[data-testid=token-a]"));
        await dialogs.PressAsync("Annuleren");
        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll(".mud-dialog")), AdminSteps.Wait);

        page.PressAndWaitForDialog("Intrekken", dialogs);
        await dialogs.ConfirmAsync("Verbinding met Dubbel BV (NL*DUP).");

        page.WaitForAssertion(() => Assert.Equal("Ingetrokken", page.Find("tbody [data-testid=status]").TextContent.Trim()), AdminSteps.Wait);
        Assert.Contains(context.Snackbar.ShownSnackbars, s => s.Message == "De verbinding is ingetrokken.");
        Assert.Equal(OcpiConnectionStatus.Revoked, await app.QueryAsync(db => db.OcpiConnections.Where(c => c.PartyId == "DUP").Select(c => c.Status).SingleAsync()));
        Assert.DoesNotContain(page.FindAll("tbody button"), b => b.TextContent.Contains("Intrekken", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheGrid_SearchesOnNameAndParty_FiltersOnStatus_AndKeepsItInTheAddress()
    {
        await IssueAsync("NL", "ZK1", "Zoeknet Noord");
        await IssueAsync("NL", "ZK2", "Zoeknet Zuid");
        var revoked = await IssueAsync("BE", "ZK3", "Zoeknet België");
        await using (var scope = app.App.Services.CreateAsyncScope())
            Assert.True(await scope.ServiceProvider.GetRequiredService<OcpiConnections>().RevokeAsync(revoked));
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Admin);
        context.RenderProviders();
        context.Navigation.NavigateTo("/admin/ocpi?zoek=zoeknet&sorteer=Name&aflopend=1");
        var page = context.Render<OcpiConnectionsPage>();

        page.WaitForAssertion(() => Assert.Equal(["NL*ZK2", "NL*ZK1", "BE*ZK3"], Parties(page)), AdminSteps.Wait);
        Assert.Equal("zoeknet", page.Find("#ocpi-search").GetAttribute("value"));

        await page.ChooseAsync<OcpiConnectionStatus?>("ocpi-status", OcpiConnectionStatus.Revoked);

        page.WaitForAssertion(() => Assert.Equal(["BE*ZK3"], Parties(page)), AdminSteps.Wait);
        Assert.EndsWith("/admin/ocpi?zoek=zoeknet&sorteer=Name&aflopend=1&status=Revoked", context.Navigation.Uri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheQuery_FindsAPartyWithItsCountry_SortsByParty_AndPages()
    {
        await IssueAsync("DE", "QP1", "Querynet Een");
        await IssueAsync("NL", "QP2", "Querynet Twee");
        await IssueAsync("NL", "QP3", "Querynet Drie");

        var byParty = await ConnectionsAsync(new GridQuery("nl*qp2", null, false, 0, 25));
        var byName = await ConnectionsAsync(new GridQuery("QUERYNET", "PartyId", false, 0, 25));
        var secondPage = await ConnectionsAsync(new GridQuery("querynet", "Name", false, 1, 2));
        var pending = await ConnectionsAsync(new GridQuery("querynet", null, false, 0, 25), OcpiConnectionStatus.Pending);
        var connected = await ConnectionsAsync(new GridQuery("querynet", null, false, 0, 25), OcpiConnectionStatus.Connected);

        Assert.Equal(["Querynet Twee"], byParty.Items.Select(c => c.Name));
        Assert.Equal(["QP1", "QP2", "QP3"], byName.Items.Select(c => c.PartyId));
        Assert.Equal(3, secondPage.Total);
        Assert.Equal(["Querynet Twee"], secondPage.Items.Select(c => c.Name));
        Assert.Equal(3, pending.Total);
        Assert.Equal(0, connected.Total);
    }
}
