using Bunit;
using Portal.Domain.Spots;
using Portal.Features.Spots;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Spots;

/// <summary>The interactive spots page (bUnit) over the real portal and its database.</summary>
public sealed class SpotsPageTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private static IReadOnlyList<string> Addresses(IRenderedComponent<SpotsPage> page) =>
        page.FindAll("tbody tr td:nth-child(2)").Select(c => c.TextContent.Trim()).ToList();

    [Fact]
    public async Task AnAddressWithAStatusAndASearch_OpensTheGridFilteredSo()
    {
        var officer = await app.PrincipalOfAsync(DemoAccounts.Officer);
        await app.NewSpotAsync(officer, "Filterlaan 1");
        await app.NewSpotAsync(officer, "Filterlaan 2", status: SpotStatus.Approved);
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Officer);
        context.RenderProviders();
        context.Navigation.NavigateTo("/beheer/plekken?zoek=filterlaan&status=Approved");

        var page = context.Render<SpotsPage>();

        page.WaitForAssertion(() => Assert.Equal(["Filterlaan 2"], Addresses(page)), Wait);
        Assert.Contains("1 plekken", page.Find("[role=status]").TextContent, StringComparison.Ordinal);
        Assert.Equal("Goedgekeurd", page.Find("#spot-status").GetAttribute("value"));
    }

    [Fact]
    public async Task SelectedSpots_GetTheStatusChosenInTheDialog_AndRefusalsAreListed()
    {
        var officer = await app.PrincipalOfAsync(DemoAccounts.Officer);
        var candidate = await app.NewSpotAsync(officer, "Keuzestraat 1");
        var realised = await app.NewSpotAsync(officer, "Keuzestraat 2", status: SpotStatus.Realised);
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Officer);
        var dialogs = context.RenderProviders();
        context.Navigation.NavigateTo("/beheer/plekken?zoek=keuzestraat");
        var page = context.Render<SpotsPage>();
        page.WaitForAssertion(() => Assert.Equal(2, Addresses(page).Count), Wait);

        // Each tick re-renders the grid, so every box is looked up afresh.
        for (var row = 0; row < 2; row++)
            await page.FindAll("tbody tr input[type=checkbox]")[row].ChangeAsync(new Microsoft.AspNetCore.Components.ChangeEventArgs { Value = true });
        var change = page.FindAll("button").Single(b => b.TextContent.Contains("Status wijzigen (2 gekozen)", StringComparison.Ordinal));
        _ = change.ClickAsync(new());
        dialogs.WaitForElement("#status-Reserved", Wait);
        await Radio(dialogs, "Reserved").ClickAsync(new());
        await dialogs.InvokeAsync(() => dialogs.FindAll(".mud-dialog-actions button").Single(b => b.TextContent.Contains("Status wijzigen", StringComparison.Ordinal)).ClickAsync(new()));

        page.WaitForAssertion(() => Assert.Contains("Keuzestraat 2", page.Find("[data-testid=refused]").TextContent, StringComparison.Ordinal), Wait);
        Assert.Equal(SpotStatus.Reserved, await app.StatusOfAsync(candidate));
        Assert.Equal(SpotStatus.Realised, await app.StatusOfAsync(realised));
        Assert.Contains(context.Snackbar.ShownSnackbars, s => s.Message == "1 plekken gewijzigd.");
    }

    [Fact]
    public async Task TheDialog_AsksForAStatus_AndForAReasonWhenRejecting()
    {
        var officer = await app.PrincipalOfAsync(DemoAccounts.Officer);
        var spot = await app.NewSpotAsync(officer, "Redenweg 1");
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Officer);
        var dialogs = context.RenderProviders();
        context.Navigation.NavigateTo("/beheer/plekken?zoek=redenweg");
        var page = context.Render<SpotsPage>();
        page.WaitForAssertion(() => Assert.Single(Addresses(page)), Wait);
        await page.Find("tbody tr input[type=checkbox]").ChangeAsync(new Microsoft.AspNetCore.Components.ChangeEventArgs { Value = true });
        _ = page.FindAll("button").Single(b => b.TextContent.Contains("Status wijzigen (1 gekozen)", StringComparison.Ordinal)).ClickAsync(new());
        dialogs.WaitForElement("#status-Rejected", Wait);
        var confirm = () => dialogs.FindAll(".mud-dialog-actions button").Single(b => b.TextContent.Contains("Status wijzigen", StringComparison.Ordinal));

        await confirm().ClickAsync(new());
        dialogs.WaitForAssertion(() => Assert.Contains("Kies een status.", dialogs.Markup, StringComparison.Ordinal), Wait);
        await Radio(dialogs, "Rejected").ClickAsync(new());
        await confirm().ClickAsync(new());

        dialogs.WaitForAssertion(() => Assert.Contains("Geef een reden om de plek af te wijzen", dialogs.Markup, StringComparison.Ordinal), Wait);
        Assert.Equal(SpotStatus.Candidate, await app.StatusOfAsync(spot));
    }

    private static AngleSharp.Dom.IElement Radio(IRenderedComponent<MudBlazor.MudDialogProvider> dialogs, string status)
    {
        var element = dialogs.Find($"#status-{status}");
        return element.TagName == "INPUT" ? element : element.QuerySelector("input[type=radio]")!;
    }
}
