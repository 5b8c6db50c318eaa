using Bunit;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Portal.Components.BackOffice;
using Portal.Domain.Spots;
using Portal.Features.Spots;
using Portal.Tests.Admin;
using Portal.Tests.Infrastructure;
using static Portal.Tests.Spots.SpotPageTesting;

namespace Portal.Tests.Spots;

/// <summary>A spot's own interactive page (bUnit): its details, checks, small map, history, and the status and edit dialogs.</summary>
public sealed class SpotPageTests : IClassFixture<PortalAppFactory>
{
    private readonly PortalAppFactory app;

    public SpotPageTests(PortalAppFactory app)
    {
        this.app = app;
        ReadInDutch();
    }

    private async Task<(BackOfficeContext Context, IRenderedComponent<MudDialogProvider> Dialogs, BunitJSModuleInterop Module, IRenderedComponent<SpotPage> Page)> OpenAsync(Guid id, string query = "")
    {
        var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Officer);
        var dialogs = context.RenderProviders();
        var module = context.JSInterop.SetupModule(BackOfficeMap.ModulePath);
        context.Navigation.NavigateTo($"/beheer/plekken/{id}{query}");
        var page = context.Render<SpotPage>(p => p.Add(s => s.Id, id));
        page.WaitForAssertion(() => module.VerifyInvoke("create"), Wait);
        return (context, dialogs, module, page);
    }

    private static AngleSharp.Dom.IElement Button<T>(IRenderedComponent<T> cut, string text) where T : IComponent =>
        cut.FindAll("button").Single(b => b.TextContent.Trim() == text);

    [Fact]
    public async Task ThePage_ShowsTheSpot_ItsChecks_ItsHistory_AndItOnASmallMap()
    {
        var officer = await app.PrincipalOfAsync(DemoAccounts.Officer);
        var id = await app.NewSpotAsync(officer, "Toonstraat 1", latitudeOffset: 0.2);

        var (context, _, module, page) = await OpenAsync(id);
        await using var disposer = context;

        Assert.Equal("Toonstraat 1", page.Find("h1").TextContent.Trim());
        Assert.Equal("Kandidaat", page.Find("[data-testid=spot-status]").TextContent.Trim());
        Assert.Contains("Plek aangemaakt", page.Find("[data-testid=spot-history]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Olaf Ambtenaar", page.Find("[data-testid=spot-history]").TextContent, StringComparison.Ordinal);
        page.WaitForAssertion(() => Assert.Contains("voldoet aan alle plaatsingsrichtlijnen", page.Find("[data-testid=spot-checks]").TextContent, StringComparison.Ordinal), Wait);
        var options = Json(module.VerifyInvoke("create").Arguments[1]);
        Assert.Equal((52.19, 18), (Math.Round(options.GetProperty("latitude").GetDouble(), 6), options.GetProperty("zoom").GetInt32()));
        Assert.Equal(id.ToString(), options.GetProperty("markers")[0].GetProperty("id").GetString());
        Assert.Equal("Kaart met de plek Toonstraat 1", page.Find("[role=region]").GetAttribute("aria-label"));
        Assert.Equal($"/beheer/plekken/kaart?plek={id}", page.FindAll("a").Single(a => a.TextContent.Contains("Op de plekkenkaart", StringComparison.Ordinal)).GetAttribute("href"));
    }

    [Fact]
    public async Task TheStatusDialog_OffersWhatTheRuleAllows_AsksAReasonToReject_AndKeepsTheDialogOpenUntilItWorks()
    {
        var officer = await app.PrincipalOfAsync(DemoAccounts.Officer);
        var id = await app.NewSpotAsync(officer, "Statusweg 1", latitudeOffset: 0.21, status: SpotStatus.Approved);
        var (context, dialogs, _, page) = await OpenAsync(id);
        await using var disposer = context;

        page.PressAndWaitForDialog("Status wijzigen", dialogs);
        dialogs.WaitForElement("#status-Rejected", Wait);

        // From Approved the rule allows Reserved, Realised, Rejected and Retired; not Candidate.
        Assert.Empty(dialogs.FindAll("#status-Candidate"));
        Assert.Equal(4, dialogs.FindAll("[id^=status-]").Count);
        await Radio(dialogs, "Rejected").ClickAsync(new());
        await dialogs.InvokeAsync(() => dialogs.FindAll(".mud-dialog-actions button").Single(b => b.TextContent.Contains("Status wijzigen", StringComparison.Ordinal)).ClickAsync(new()));
        dialogs.WaitForAssertion(() => Assert.Contains("Geef een reden om de plek af te wijzen", dialogs.Markup, StringComparison.Ordinal), Wait);
        Assert.Equal(SpotStatus.Approved, await app.StatusOfAsync(id));

        await dialogs.TypeAsync("#spot-reason", "Kabel ligt te diep");
        await dialogs.InvokeAsync(() => dialogs.FindAll(".mud-dialog-actions button").Single(b => b.TextContent.Contains("Status wijzigen", StringComparison.Ordinal)).ClickAsync(new()));

        page.WaitForAssertion(() => Assert.Equal("Afgewezen", page.Find("[data-testid=spot-status]").TextContent.Trim()), Wait);
        Assert.Empty(dialogs.FindAll(".mud-dialog"));
        Assert.Contains("Status van Goedgekeurd naar Afgewezen", page.Find("[data-testid=spot-history]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Kabel ligt te diep", page.Find("[data-testid=spot-history]").TextContent, StringComparison.Ordinal);
        Assert.Contains(context.Snackbar.ShownSnackbars, s => s.Message == "De plek heeft nu de status Afgewezen.");
    }

    [Fact]
    public async Task TheEditDialog_ChecksAsTheMeasurementsChange_SavesWithTheReason_AndARefusalKeepsWhatWasTyped()
    {
        var officer = await app.PrincipalOfAsync(DemoAccounts.Officer);
        var id = await app.NewSpotAsync(officer, "Bewerkpad 1", latitudeOffset: 0.22);
        var (context, dialogs, _, page) = await OpenAsync(id);
        await using var disposer = context;

        page.PressAndWaitForDialog("Plek wijzigen", dialogs);
        dialogs.WaitForElement("#edit-address", Wait);
        Assert.Equal("Bewerkpad 1", dialogs.Find("#edit-address").GetAttribute("value"));

        await dialogs.TypeAsync("#edit-pavement", "70");
        dialogs.WaitForAssertion(() => Assert.Contains("De vrije stoep is 70 cm; er moet minstens 90 cm vrij blijven.", dialogs.Find("[data-testid=spot-warnings]").TextContent, StringComparison.Ordinal), Wait);
        await dialogs.TypeAsync("#edit-lat", "5.9");
        await Save(dialogs).ClickAsync(new());
        dialogs.WaitForAssertion(() => Assert.Contains("verwisseld", dialogs.Find("[role=alert]").TextContent, StringComparison.Ordinal), Wait);
        Assert.Equal("5.9", dialogs.Find("#edit-lat").GetAttribute("value"));

        await dialogs.TypeAsync("#edit-lat", "52.21");
        await dialogs.TypeAsync("#edit-pavement", "130");
        await dialogs.TypeAsync("#edit-bays", "3");
        await dialogs.TypeAsync("#edit-reason", "Opnieuw gemeten");
        await Save(dialogs).ClickAsync(new());

        page.WaitForAssertion(() => Assert.Empty(dialogs.FindAll(".mud-dialog")), Wait);
        var spot = await app.SpotAsync(id);
        Assert.Equal((3, 130), (spot.Bays, spot.FreePavementWidthCm));
        Assert.Contains(spot.History, h => h is { Kind: SpotChangeKind.Edited, Reason: "Opnieuw gemeten" });
        page.WaitForAssertion(() => Assert.Contains("Gegevens gewijzigd", page.Find("[data-testid=spot-history]").TextContent, StringComparison.Ordinal), Wait);
        Assert.Contains(context.Snackbar.ShownSnackbars, s => s.Message == "De wijzigingen zijn opgeslagen.");
    }

    [Fact]
    public async Task TheFormerEditAddress_OpensTheEditDialog_AndARetiredSpotCannotBeChanged()
    {
        var officer = await app.PrincipalOfAsync(DemoAccounts.Officer);
        var open = await app.NewSpotAsync(officer, "Oudadres 1", latitudeOffset: 0.23);
        var retired = await app.NewSpotAsync(officer, "Oudadres 2", latitudeOffset: 0.231, status: SpotStatus.Retired);

        var (context, dialogs, _, _) = await OpenAsync(open, "?bewerken=1");
        await using (context)
        {
            dialogs.WaitForElement("#edit-address", Wait);
            Assert.EndsWith("?bewerken=1", context.Navigation.Uri, StringComparison.Ordinal);
            await dialogs.InvokeAsync(() => dialogs.FindAll(".mud-dialog-actions button").Single(b => b.TextContent.Contains("Annuleren", StringComparison.Ordinal)).ClickAsync(new()));
            await context.NavigatedToAsync(uri => uri.EndsWith($"/beheer/plekken/{open}", StringComparison.Ordinal), Wait);
        }

        var (retiredContext, retiredDialogs, _, retiredPage) = await OpenAsync(retired, "?bewerken=1");
        await using (retiredContext)
        {
            Assert.Equal("Vervallen", retiredPage.Find("[data-testid=spot-status]").TextContent.Trim());
            Assert.DoesNotContain(retiredPage.FindAll("button"), b => b.TextContent.Trim() is "Plek wijzigen" or "Status wijzigen");
            Assert.Empty(retiredDialogs.FindAll(".mud-dialog"));
        }
    }

    [Fact]
    public async Task ARandomId_IsNotFound()
    {
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Officer);
        context.JSInterop.SetupModule(BackOfficeMap.ModulePath);

        var page = context.Render<SpotPage>(p => p.Add(s => s.Id, Guid.NewGuid()));

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("h1")), Wait);
        Assert.Empty(page.FindAll("[role=region]"));
    }

    private static AngleSharp.Dom.IElement Save(IRenderedComponent<MudDialogProvider> dialogs) =>
        dialogs.FindAll(".mud-dialog-actions button").Single(b => b.TextContent.Contains("Plek opslaan", StringComparison.Ordinal));

    private static AngleSharp.Dom.IElement Radio(IRenderedComponent<MudDialogProvider> dialogs, string status)
    {
        var element = dialogs.Find($"#status-{status}");
        return element.TagName == "INPUT" ? element : element.QuerySelector("input[type=radio]")!;
    }
}
