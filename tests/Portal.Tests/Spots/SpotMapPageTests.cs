using Bunit;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Portal.Components.BackOffice;
using Portal.Domain.Spots;
using Portal.Features.Spots;
using Portal.Tests.Infrastructure;
using static Portal.Tests.Spots.SpotPageTesting;

namespace Portal.Tests.Spots;

/// <summary>The interactive spot map (bUnit) over the real portal and its database; the map's script is bUnit's stand-in.</summary>
public sealed class SpotMapPageTests : IClassFixture<PortalAppFactory>
{
    private readonly PortalAppFactory app;

    public SpotMapPageTests(PortalAppFactory app)
    {
        this.app = app;
        ReadInDutch();
    }

    private sealed record Opened(BackOfficeContext Context, IRenderedComponent<MudDialogProvider> Dialogs, BunitJSModuleInterop Module,
        IRenderedComponent<SpotMapPage> Page, IRenderedComponent<BackOfficeMap> Map) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Context.DisposeAsync();
    }

    private async Task<Opened> OpenAsync(string address = "/beheer/plekken/kaart")
    {
        var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Officer);
        var dialogs = context.RenderProviders();
        var module = context.JSInterop.SetupModule(BackOfficeMap.ModulePath);
        context.Navigation.NavigateTo(address);
        var page = context.Render<SpotMapPage>();
        page.WaitForAssertion(() => module.VerifyInvoke("create"), Wait);
        return new Opened(context, dialogs, module, page, page.FindComponent<BackOfficeMap>());
    }

    /// <summary>What the map shows after the person panned there, as the script reports it.</summary>
    private static Task ShowAsync(Opened map, MapBounds box) =>
        map.Map.InvokeAsync(() => map.Map.Instance.ViewChanged(box.West, box.South, box.East, box.North, (box.South + box.North) / 2, (box.West + box.East) / 2, 17));

    private static IReadOnlyList<string> ListedAddresses(IRenderedComponent<SpotMapPage> page) =>
        page.FindAll("[data-testid=spot-list] tbody tr td:first-child").Select(c => c.TextContent.Trim()).ToList();

    [Fact]
    public async Task TheMap_OpensAroundTheMunicipality_AndTheSpotsInViewAreItsDraggableMarkers_AndTheList()
    {
        var officer = await app.PrincipalOfAsync(DemoAccounts.Officer);
        var first = await app.NewSpotAsync(officer, "Zichtlaan 2", latitudeOffset: 0.1);
        await app.NewSpotAsync(officer, "Zichtlaan 1", latitudeOffset: 0.1001);
        await using var map = await OpenAsync();

        var options = Json(map.Module.VerifyInvoke("create").Arguments[1]);
        Assert.Equal("laadpunten,aanvragen", options.GetProperty("layers").GetString());
        Assert.True(options.GetProperty("clickable").GetBoolean());
        Assert.InRange(5.9, options.GetProperty("bounds").GetProperty("west").GetDouble(), options.GetProperty("bounds").GetProperty("east").GetDouble());

        await ShowAsync(map, new MapBounds(5.89, 52.085, 5.91, 52.095));

        map.Page.WaitForAssertion(() => Assert.Equal(["Zichtlaan 1", "Zichtlaan 2"], ListedAddresses(map.Page)), Wait);
        Assert.StartsWith("2 plekken in dit deel van de kaart.", map.Page.Find("[data-testid=spot-list-count]").TextContent.Trim(), StringComparison.Ordinal);
        var markers = Json(map.Module.Invocations["setMarkers"][^1].Arguments[1]).EnumerateArray().ToList();
        var marker = markers.Single(m => m.GetProperty("id").GetString() == first.ToString());
        Assert.Equal("Zichtlaan 2", marker.GetProperty("label").GetString());
        Assert.True(marker.GetProperty("draggable").GetBoolean());
        Assert.Equal(52.09, marker.GetProperty("latitude").GetDouble(), precision: 6);

        // Turning a layer off tells the map.
        await map.Page.FindAll("input[type=checkbox]").Single(b => b.Closest("label")!.TextContent.Contains("Aanvragen", StringComparison.Ordinal)).ChangeAsync(new ChangeEventArgs { Value = false });
        map.Page.WaitForAssertion(() => Assert.Equal("laadpunten", map.Module.Invocations["setLayers"][^1].Arguments[1]), Wait);
    }

    [Fact]
    public async Task ClickingNextToACharger_OpensTheFormWithThePoint_AndItsChecks_AndSavingAfterAcceptingAddsTheSpot()
    {
        var (latitude, longitude) = await app.AChargeLocationAsync();
        await using var map = await OpenAsync();

        await map.Map.InvokeAsync(() => map.Map.Instance.MapClicked(latitude + 0.0001, longitude));

        map.Page.WaitForAssertion(() => Assert.Contains("Er staat een laadpunt op 11", map.Page.Find("[data-testid=spot-warnings]").TextContent, StringComparison.Ordinal), Wait);
        Assert.Equal(Math.Round(latitude + 0.0001, 7).ToString(System.Globalization.CultureInfo.InvariantCulture), map.Page.Find("#lat").GetAttribute("value"));
        Assert.Equal("Nieuwe plek", map.Page.Find("#spot-panel-heading").TextContent.Trim());
        var newMarker = Json(map.Module.Invocations["setMarkers"][^1].Arguments[1]).EnumerateArray().Single(m => m.GetProperty("kind").GetString() == "new");
        Assert.True(newMarker.GetProperty("draggable").GetBoolean());

        // Measuring the pavement changes the checks at once.
        await map.Page.TypeAsync("#pavement", "80");
        map.Page.WaitForAssertion(() => Assert.Contains("De vrije stoep is 80 cm", map.Page.Find("[data-testid=spot-warnings]").TextContent, StringComparison.Ordinal), Wait);
        await map.Page.TypeAsync("#pavement", "140");
        await map.Page.TypeAsync("#tobay", "30");
        await map.Page.TypeAsync("#address", "Proefplek bij de lader");
        await SaveButton(map.Page).ClickAsync(new());

        map.Page.WaitForAssertion(() => Assert.Contains("voldoet niet aan alle richtlijnen", map.Page.Find("[role=alert]").TextContent, StringComparison.Ordinal), Wait);
        Assert.Null(await app.SpotAsync("Proefplek bij de lader"));
        Assert.Equal("Proefplek bij de lader", map.Page.Find("#address").GetAttribute("value"));

        await map.Page.Find("[data-testid=spot-panel] input[type=checkbox]").ChangeAsync(new ChangeEventArgs { Value = true });
        await SaveButton(map.Page).ClickAsync(new());

        map.Page.WaitForAssertion(() => Assert.Equal("Proefplek bij de lader", map.Page.Find("[data-testid=chosen-spot]").TextContent.Trim()), Wait);
        var spot = (await app.SpotAsync("Proefplek bij de lader"))!;
        Assert.Equal((SpotStatus.Candidate, 140, 30), (spot.Status, spot.FreePavementWidthCm, spot.DistanceToBayCm));
        Assert.Equal(latitude + 0.0001, spot.Latitude, precision: 6);
        Assert.Contains(map.Context.Snackbar.ShownSnackbars, s => s.Message == "Plek Proefplek bij de lader is opgeslagen.");
        Assert.Equal($"/beheer/plekken/{spot.Id}", map.Page.FindAll("[data-testid=spot-panel] a").Single(a => a.TextContent.Contains("Naar de plek", StringComparison.Ordinal)).GetAttribute("href"));
    }

    [Fact]
    public async Task DraggingASpot_AsksToConfirm_WithTheDistanceAndTheChecks_AndConfirmingMovesIt_IntoTheHistory()
    {
        var officer = await app.PrincipalOfAsync(DemoAccounts.Officer);
        var id = await app.NewSpotAsync(officer, "Sleepstraat 1", latitudeOffset: 0.12);
        await using var map = await OpenAsync();
        await ShowAsync(map, new MapBounds(5.89, 52.105, 5.91, 52.115));
        map.Page.WaitForAssertion(() => Assert.Contains("Sleepstraat 1", ListedAddresses(map.Page)), Wait);

        // About 22 m north. The drop waits for the dialog's answer, so the test does not wait for it.
        _ = map.Map.InvokeAsync(() => map.Map.Instance.MarkerMoved(id.ToString(), 52.1102, 5.90));

        map.Dialogs.WaitForAssertion(() => Assert.Contains("Sleepstraat 1 gaat 22,3 m van 52.11, 5.9 naar 52.1102, 5.9.", map.Dialogs.Find("[data-testid=move-lead]").TextContent, StringComparison.Ordinal), Wait);
        map.Dialogs.WaitForAssertion(() => Assert.Contains("plaatsingsrichtlijnen", map.Dialogs.Find("[data-testid=spot-checks]").TextContent, StringComparison.Ordinal), Wait);
        await map.Dialogs.TypeAsync("#move-reason", "Boom in de weg");
        await map.Dialogs.InvokeAsync(() => map.Dialogs.FindAll(".mud-dialog-actions button").Single(b => b.TextContent.Contains("Verplaatsen", StringComparison.Ordinal)).ClickAsync(new()));

        map.Page.WaitForAssertion(() => Assert.Empty(map.Dialogs.FindAll(".mud-dialog")), Wait);
        var spot = await app.SpotAsync(id);
        Assert.Equal(52.1102, spot.Latitude, precision: 6);
        Assert.Contains(spot.History, h => h is { Kind: SpotChangeKind.Moved, From: "52.11, 5.9", To: "52.1102, 5.9", Reason: "Boom in de weg" });
        Assert.Contains(map.Context.Snackbar.ShownSnackbars, s => s.Message == "Plek Sleepstraat 1 is verplaatst.");
        map.Page.WaitForAssertion(() => Assert.Equal("Sleepstraat 1", map.Page.Find("[data-testid=chosen-spot]").TextContent.Trim()), Wait);
    }

    [Fact]
    public async Task CancellingAMove_LeavesTheSpot_AndPutsItsMarkerBack()
    {
        var officer = await app.PrincipalOfAsync(DemoAccounts.Officer);
        var id = await app.NewSpotAsync(officer, "Terugweg 1", latitudeOffset: 0.14);
        await using var map = await OpenAsync();
        await ShowAsync(map, new MapBounds(5.89, 52.125, 5.91, 52.135));
        map.Page.WaitForAssertion(() => Assert.Contains("Terugweg 1", ListedAddresses(map.Page)), Wait);
        var drawn = map.Module.Invocations["setMarkers"].Count;

        _ = map.Map.InvokeAsync(() => map.Map.Instance.MarkerMoved(id.ToString(), 52.1305, 5.90));
        map.Dialogs.WaitForElement("#move-reason", Wait);
        // Found and pressed in one go: the dialog renders again when its checks arrive.
        await map.Dialogs.InvokeAsync(() => map.Dialogs.FindAll(".mud-dialog-actions button").Single(b => b.TextContent.Contains("Annuleren", StringComparison.Ordinal)).ClickAsync(new()));

        map.Page.WaitForAssertion(() => Assert.Equal(drawn + 1, map.Module.Invocations["setMarkers"].Count), Wait);
        Assert.Equal(52.13, (await app.SpotAsync(id)).Latitude, precision: 6);
        Assert.Contains(map.Context.Snackbar.ShownSnackbars, s => s.Message == "De plek is niet verplaatst.");
    }

    [Fact]
    public async Task ChoosingASpot_OnTheMapOrInTheList_ShowsIt_WithItsChecks_AndALinkToItsPage()
    {
        var officer = await app.PrincipalOfAsync(DemoAccounts.Officer);
        var id = await app.NewSpotAsync(officer, "Kiesplein 1", latitudeOffset: 0.16);
        await using var map = await OpenAsync();
        await ShowAsync(map, new MapBounds(5.89, 52.145, 5.91, 52.155));
        map.Page.WaitForAssertion(() => Assert.Contains("Kiesplein 1", ListedAddresses(map.Page)), Wait);

        await map.Map.InvokeAsync(() => map.Map.Instance.MarkerClicked(id.ToString()));

        map.Page.WaitForAssertion(() => Assert.Equal("Kiesplein 1", map.Page.Find("[data-testid=chosen-spot]").TextContent.Trim()), Wait);
        Assert.Contains("Kandidaat", map.Page.Find("[data-testid=spot-panel]").TextContent, StringComparison.Ordinal);
        Assert.Contains("De plek voldoet aan alle plaatsingsrichtlijnen.", map.Page.Find("[data-testid=spot-checks]").TextContent, StringComparison.Ordinal);
        Assert.Contains(Json(map.Module.Invocations["setMarkers"][^1].Arguments[1]).EnumerateArray(), m => m.GetProperty("id").GetString() == id.ToString() && m.GetProperty("selected").GetBoolean());

        await map.Page.InvokeAsync(() => map.Page.FindAll("[data-testid=spot-list] button").Single(b => b.GetAttribute("aria-label") == "Tonen op de kaart: Kiesplein 1").ClickAsync(new()));
        var view = map.Module.Invocations["setView"][^1];
        Assert.Equal((52.15, 18), (Math.Round((double)view.Arguments[1]!, 6), (int)view.Arguments[3]!));
    }

    [Fact]
    public async Task TheSpotsAddress_OpensTheMapOnIt_WithItChosen()
    {
        var officer = await app.PrincipalOfAsync(DemoAccounts.Officer);
        var id = await app.NewSpotAsync(officer, "Adresweg 1", latitudeOffset: 0.18);

        await using var map = await OpenAsync($"/beheer/plekken/kaart?plek={id}");

        var bounds = Json(map.Module.VerifyInvoke("create").Arguments[1]).GetProperty("bounds");
        Assert.InRange(52.17, bounds.GetProperty("south").GetDouble(), bounds.GetProperty("north").GetDouble());
        Assert.Equal("Adresweg 1", map.Page.Find("[data-testid=chosen-spot]").TextContent.Trim());
    }

    private static AngleSharp.Dom.IElement SaveButton(IRenderedComponent<SpotMapPage> page) =>
        page.FindAll("[data-testid=spot-panel] button").Single(b => b.TextContent.Contains("Plek opslaan", StringComparison.Ordinal));
}
