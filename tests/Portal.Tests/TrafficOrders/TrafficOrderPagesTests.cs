using System.Text.RegularExpressions;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Portal.Components.BackOffice;
using Portal.Domain.Spots;
using Portal.Domain.Terms;
using Portal.Domain.TrafficOrders;
using Portal.Features.TrafficOrders;
using Portal.Tests.Applications;
using Portal.Tests.Infrastructure;
using Portal.Tests.Spots;
using static Portal.Tests.Spots.SpotPageTesting;
using static Portal.Tests.TrafficOrders.TrafficOrderTestData;

namespace Portal.Tests.TrafficOrders;

/// <summary>The officer's traffic-order pages (bUnit) over the real portal and its database: the overview, drafting, and the steps.</summary>
public sealed class TrafficOrderPagesTests : IClassFixture<PortalAppFactory>
{
    private readonly PortalAppFactory app;

    public TrafficOrderPagesTests(PortalAppFactory app)
    {
        this.app = app;
        ReadInDutch();
    }

    private static AngleSharp.Dom.IElement DialogButton(IRenderedComponent<MudBlazor.MudDialogProvider> dialogs, string text) =>
        dialogs.FindAll(".mud-dialog-actions button").Single(b => b.TextContent.Trim() == text);

    private static AngleSharp.Dom.IElement Button<T>(IRenderedComponent<T> cut, string text) where T : IComponent =>
        cut.FindAll("button").Single(b => b.TextContent.Trim() == text);

    [Fact]
    public async Task AnOfficer_ChoosesSpotsInTheTable_AndDraftsACollectionOrder()
    {
        var officer = await app.PrincipalOfAsync(DemoAccounts.Officer);
        var first = await app.NewSpotAsync(officer, "Bundelweg 1", bays: 2, status: SpotStatus.Approved, latitudeOffset: 0.31);
        var second = await app.NewSpotAsync(officer, "Bundelweg 3", bays: 3, status: SpotStatus.Reserved, latitudeOffset: 0.311);
        await app.NewSpotAsync(officer, "Bundelweg 5", status: SpotStatus.Candidate, latitudeOffset: 0.312);
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Officer);
        context.RenderProviders();
        var module = context.JSInterop.SetupModule(BackOfficeMap.ModulePath);
        context.Navigation.NavigateTo("/beheer/verkeersbesluiten/nieuw");
        var page = context.Render<NewTrafficOrderPage>();
        page.WaitForElement("#spot-filter", Wait);

        await page.TypeAsync("#spot-filter", "Bundelweg");
        // A candidate spot is not offered: an order takes approved or reserved spots only.
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("tbody tr input[type=checkbox]").Count), Wait);
        await page.TypeAsync("#order-title", "Laadplekken Bundelweg");
        await Button(page, "Concept opstellen").ClickAsync(new());
        page.WaitForAssertion(() => Assert.Equal("Kies ten minste één plek.", page.Find("[data-testid=draft-problem]").TextContent.Trim()), Wait);

        for (var row = 0; row < 2; row++)
            await page.FindAll("tbody tr input[type=checkbox]")[row].ChangeAsync(new ChangeEventArgs { Value = true });
        page.WaitForAssertion(() => Assert.Equal("2 plekken gekozen, 5 parkeervakken", page.Find("[data-testid=chosen-count]").TextContent.Trim()), Wait);
        await Button(page, "Concept opstellen").ClickAsync(new());

        var address = await context.NavigatedToAsync(uri => Regex.IsMatch(uri, "/beheer/verkeersbesluiten/[0-9a-f-]{36}$"), Wait);
        var id = Guid.Parse(address[^36..]);
        var order = (await app.OrdersAsync(s => s.FindAsync(officer, id)))!;
        Assert.Equal(("Laadplekken Bundelweg", TrafficOrderStatus.Draft), (order.Title, order.Status));
        Assert.Equal(new[] { first, second }.Order(), order.Locations.Select(l => l.SpotId).Order());
        Assert.True(module.Invocations.Count > 0);
    }

    [Fact]
    public async Task TheOrderPage_TakesTheOrderThroughItsSteps_AndWarnsBeforeAnEarlyInstallation()
    {
        var officer = await app.PrincipalOfAsync(DemoAccounts.Officer);
        var arnhem = await OfficerTestData.ArnhemAsync(app);
        var spot = await app.NewSpotAsync(officer, "Stappenweg 2", status: SpotStatus.Approved, latitudeOffset: 0.32);
        var id = await app.DraftOrderAsync(officer, arnhem, "Stappen", spot);
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Officer);
        var dialogs = context.RenderProviders();
        context.JSInterop.SetupModule(BackOfficeMap.ModulePath);
        context.Navigation.NavigateTo($"/beheer/verkeersbesluiten/{id}");
        var page = context.Render<TrafficOrderPage>(p => p.Add(o => o.Id, id));
        // The page loads the order after its first render: on a slower database that render is still empty.
        page.WaitForElement("[data-testid=order-status]", Wait);
        Assert.Equal("Concept", page.Find("[data-testid=order-status]").TextContent.Trim());
        Assert.Contains("Stappenweg", page.Find("[data-testid=order-locations]").TextContent, StringComparison.Ordinal);

        _ = page.Find("#step-police").ClickAsync(new());
        dialogs.WaitForElement("#step-text", Wait);
        await dialogs.InvokeAsync(() => DialogButton(dialogs, "Opslaan").ClickAsync(new()));
        dialogs.WaitForAssertion(() => Assert.Contains("Dit veld is verplicht.", dialogs.Markup, StringComparison.Ordinal), Wait);
        await dialogs.TypeAsync("#step-text", "Geen bezwaar, wel graag E4.");
        await dialogs.InvokeAsync(() => DialogButton(dialogs, "Opslaan").ClickAsync(new()));
        page.WaitForAssertion(() => Assert.Equal("Politie geraadpleegd", page.Find("[data-testid=order-status]").TextContent.Trim()), Wait);

        _ = page.Find("#step-decide").ClickAsync(new());
        dialogs.WaitForElement("#step-confirm", Wait);
        await dialogs.InvokeAsync(() => dialogs.Find("#step-confirm").ClickAsync(new()));
        page.WaitForAssertion(() => Assert.Equal("Genomen", page.Find("[data-testid=order-status]").TextContent.Trim()), Wait);

        _ = page.Find("#step-publish").ClickAsync(new());
        dialogs.WaitForElement("#step-journal", Wait);
        Assert.Contains("Awb 6:8", dialogs.Find("[data-testid=step-warning]").TextContent, StringComparison.Ordinal);
        await dialogs.TypeAsync("#step-journal", "gmb-2026-424242");
        await dialogs.InvokeAsync(() => dialogs.Find("#step-confirm").ClickAsync(new()));
        page.WaitForAssertion(() => Assert.Equal("Gepubliceerd", page.Find("[data-testid=order-status]").TextContent.Trim()), Wait);
        Assert.Contains("nog 4", page.Find("[data-testid=objection-term]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Gepland (verkeersbesluit)", page.Find("[data-testid=order-locations]").TextContent, StringComparison.Ordinal);
        Assert.Equal(SpotStatus.Planned, await app.StatusOfAsync(spot));

        _ = Button(page, "Installatie nu starten").ClickAsync(new());
        dialogs.WaitForElement("#step-text", Wait);
        Assert.Contains("Awb 6:16", dialogs.Find("[data-testid=step-warning]").TextContent, StringComparison.Ordinal);
        await dialogs.TypeAsync("#step-text", "Netbeheerder komt volgende week.");
        await dialogs.InvokeAsync(() => dialogs.Find("#step-confirm").ClickAsync(new()));
        page.WaitForAssertion(() => Assert.Contains("Klaar voor installatie", page.Find("[data-testid=order-locations]").TextContent, StringComparison.Ordinal), Wait);
        Assert.Equal(SpotStatus.ReadyForInstallation, await app.StatusOfAsync(spot));
        Assert.Contains("Politie geraadpleegd", page.Find("[data-testid=order-history]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheOverview_PutsTheNearestDeadlineFirst()
    {
        var officer = await app.PrincipalOfAsync(DemoAccounts.Officer);
        var arnhem = await OfficerTestData.ArnhemAsync(app);
        var later = await app.NewSpotAsync(officer, "Termijnlaan 1", status: SpotStatus.Approved, latitudeOffset: 0.33);
        var sooner = await app.NewSpotAsync(officer, "Termijnlaan 2", status: SpotStatus.Approved, latitudeOffset: 0.331);
        var none = await app.NewSpotAsync(officer, "Termijnlaan 3", status: SpotStatus.Approved, latitudeOffset: 0.332);
        await app.PublishedOrderAsync(officer, arnhem, "Termijn later", Today.AddDays(-1), later);
        await app.PublishedOrderAsync(officer, arnhem, "Termijn eerder", Today.AddDays(-20), sooner);
        await app.DraftOrderAsync(officer, arnhem, "Termijn geen", none);
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Officer);
        context.RenderProviders();
        context.Navigation.NavigateTo("/beheer/verkeersbesluiten?zoek=Termijn");

        var page = context.Render<TrafficOrdersPage>();

        page.WaitForAssertion(() => Assert.Equal(["Termijn eerder", "Termijn later", "Termijn geen"],
            page.FindAll("tbody tr td:nth-child(2)").Select(c => c.TextContent.Trim())), Wait);
        Assert.StartsWith("bezwaar tot en met", page.FindAll("[data-testid=next-deadline]")[0].TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains("3 verkeersbesluiten", page.Find("[role=status]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePublic_SeesPlannedLocationsInAListAndOnTheMap_WithoutAnyNames()
    {
        var officer = await app.PrincipalOfAsync(DemoAccounts.Officer);
        var arnhem = await OfficerTestData.ArnhemAsync(app);
        var spot = await app.NewSpotAsync(officer, "Openbaarweg 12", status: SpotStatus.Approved, latitudeOffset: 0.34);
        var id = await app.PublishedOrderAsync(officer, arnhem, "Openbaar", Today.AddDays(-1), spot);
        var lastDay = AwbTerms.Objection(Today.AddDays(-1), TermsCalendar.Default).LastDay;   // the arithmetic has its own hand-computed tests
        var reference = (await app.OrdersAsync(s => s.FindAsync(officer, id)))!.Reference;
        using var anonymous = app.CreateClient();

        var (response, list) = await anonymous.GetPageAsync("/verkeersbesluiten?zoek=Openbaarweg");
        var map = await anonymous.Http.GetStringAsync("/api/map/features?bbox=5.8,52.3,6.0,52.4&zoom=18&layers=verkeersbesluiten");

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var row = Assert.Single(list.QuerySelectorAll("[data-testid=planned-locations] tbody tr"));
        var until = lastDay.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("nl-NL"));
        Assert.Equal(["Openbaarweg 12", reference, $"Gepland: bezwaar mogelijk tot en met {until}"], row.QuerySelectorAll("td").Select(c => c.TextContent.Trim()));
        Assert.Equal($"/verkeersbesluiten/{reference}?gemeente=GM0202", row.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains($"\"reference\":\"{reference}\"", map, StringComparison.Ordinal);
        Assert.Contains($"\"until\":\"{lastDay:yyyy-MM-dd}\"", map, StringComparison.Ordinal);
        Assert.Contains("\"status\":\"order-open\"", map, StringComparison.Ordinal);
        Assert.DoesNotContain("Olaf", map, StringComparison.Ordinal);
    }
}
