using System.Text.Json;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using Portal.Components.BackOffice;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.BackOffice;

/// <summary>
/// The .NET side of the shared back-office map: what it asks of its script (bUnit's stand-in for
/// wwwroot/js/backoffice-map.js records each call), and the script's calls reaching the page.
/// </summary>
public sealed class BackOfficeMapTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private static readonly IReadOnlyList<MapMarker> TwoSpots =
    [
        new("a", 51.98, 5.91, "Parkweg 1", Draggable: true),
        new("b", 51.99, 5.92, "Parkweg 2", Selected: true),
    ];

    private static JsonElement Json(object? value) => JsonSerializer.SerializeToElement(value, new JsonSerializerOptions(JsonSerializerDefaults.Web));

    [Fact]
    public async Task OnTheCircuit_TheMapIsMadeByItsModule_WithTheTilesFromTheSettings_TheLayers_AndTheMarkers()
    {
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Officer);
        var module = context.JSInterop.SetupModule(BackOfficeMap.ModulePath);

        var map = context.Render<BackOfficeMap>(p => p
            .Add(m => m.Label, "Plekkenkaart")
            .Add(m => m.Description, "Klik om een plek toe te voegen.")
            .Add(m => m.Layers, "laadpunten,aanvragen")
            .Add(m => m.Latitude, 51.985).Add(m => m.Longitude, 5.905).Add(m => m.Zoom, 15)
            .Add(m => m.Markers, TwoSpots)
            .Add(m => m.OnClick, (MapPosition _) => { }));

        map.WaitForAssertion(() => module.VerifyInvoke("create"), Wait);
        var create = module.VerifyInvoke("create");
        var options = Json(create.Arguments[1]);
        Assert.StartsWith("https://service.pdok.nl/brt/achtergrondkaart/", options.GetProperty("tileUrl").GetString(), StringComparison.Ordinal);
        Assert.Contains("Kadaster", options.GetProperty("attribution").GetString(), StringComparison.Ordinal);
        Assert.Equal("laadpunten,aanvragen", options.GetProperty("layers").GetString());
        Assert.Equal(15, options.GetProperty("zoom").GetInt32());
        Assert.True(options.GetProperty("clickable").GetBoolean());
        Assert.False(options.GetProperty("reportsView").GetBoolean());
        Assert.Equal(JsonValueKind.Null, options.GetProperty("bounds").ValueKind);
        var markers = options.GetProperty("markers").EnumerateArray().ToList();
        Assert.Equal(["a", "b"], markers.Select(m => m.GetProperty("id").GetString()));
        Assert.True(markers[0].GetProperty("draggable").GetBoolean());
        Assert.Equal("Parkweg 2", markers[1].GetProperty("label").GetString());
        Assert.Equal("spot", markers[1].GetProperty("kind").GetString());
        Assert.Equal("Details", options.GetProperty("texts").GetProperty("details").GetString());
        // The region is named and described for people who do not see the map.
        var region = map.Find("[role=region]");
        Assert.Equal("Plekkenkaart", region.GetAttribute("aria-label"));
        Assert.Equal("Klik om een plek toe te voegen.", map.Find("#" + region.GetAttribute("aria-describedby")).TextContent.Trim());
        Assert.IsType<ElementReference>(create.Arguments[0]);
    }

    [Fact]
    public async Task OnlyWhatChanged_IsSentToTheMap_AndBoundsWinOverTheCentre()
    {
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Officer);
        var module = context.JSInterop.SetupModule(BackOfficeMap.ModulePath);
        var map = context.Render<BackOfficeMap>(p => p.Add(m => m.Label, "Kaart").Add(m => m.Markers, TwoSpots).Add(m => m.Layers, "laadpunten"));
        map.WaitForAssertion(() => module.VerifyInvoke("create"), Wait);

        // An equal list is not sent again; a moved marker, other layers, an overlay and a box are.
        map.Render(p => p.Add(m => m.Markers, TwoSpots.ToList()));
        Assert.Empty(module.Invocations["setMarkers"]);
        map.Render(p => p
            .Add(m => m.Markers, [TwoSpots[0] with { Latitude = 51.981 }, TwoSpots[1]])
            .Add(m => m.Layers, "laadpunten,plekken")
            .Add(m => m.Overlay, """{"type":"Point","coordinates":[5.9,51.98]}""")
            .Add(m => m.Bounds, new MapBounds(5.8, 51.9, 6.0, 52.1)));

        map.WaitForAssertion(() => Assert.Single(module.Invocations["fitBounds"]), Wait);
        var moved = Assert.Single(module.Invocations["setMarkers"]);
        Assert.Equal(51.981, Json(moved.Arguments[1])[0].GetProperty("latitude").GetDouble());
        Assert.Equal("laadpunten,plekken", Assert.Single(module.Invocations["setLayers"]).Arguments[1]);
        Assert.Single(module.Invocations["setOverlay"]);
        Assert.Equal(51.9, Json(module.Invocations["fitBounds"][0].Arguments[1]).GetProperty("south").GetDouble());
        Assert.Empty(module.Invocations["setView"]);

        // Asked to, the map draws its markers again as they are (a cancelled drag goes back).
        await map.InvokeAsync(() => map.Instance.RedrawMarkersAsync());
        Assert.Equal(2, module.Invocations["setMarkers"].Count);
    }

    [Fact]
    public async Task TheScriptsCalls_ReachThePage_AsPositionsMovesAndViews()
    {
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Officer);
        var module = context.JSInterop.SetupModule(BackOfficeMap.ModulePath);
        MapPosition? clicked = null;
        string? chosen = null;
        MapMarkerMove? dropped = null;
        MapViewport? view = null;
        var map = context.Render<BackOfficeMap>(p => p
            .Add(m => m.Label, "Kaart").Add(m => m.Markers, TwoSpots)
            .Add(m => m.OnClick, (MapPosition at) => clicked = at)
            .Add(m => m.OnMarkerClick, (string id) => chosen = id)
            .Add(m => m.OnMarkerMoved, (MapMarkerMove move) => dropped = move)
            .Add(m => m.OnViewChanged, (MapViewport v) => view = v));
        map.WaitForAssertion(() => module.VerifyInvoke("create"), Wait);
        var create = module.VerifyInvoke("create");
        Assert.True(Json(create.Arguments[1]).GetProperty("reportsView").GetBoolean());
        Assert.IsType<DotNetObjectReference<BackOfficeMap>>(create.Arguments[2]);

        await map.InvokeAsync(() => map.Instance.MapClicked(51.9871904, 5.9214388));
        await map.InvokeAsync(() => map.Instance.MarkerClicked("b"));
        await map.InvokeAsync(() => map.Instance.MarkerMoved("a", 51.9801, 5.9102));
        await map.InvokeAsync(() => map.Instance.ViewChanged(5.8, 51.9, 6.0, 52.1, 52.0, 5.9, 14));

        Assert.Equal(new MapPosition(51.9871904, 5.9214388), clicked);
        Assert.Equal("b", chosen);
        Assert.Equal(new MapMarkerMove("a", 51.9801, 5.9102), dropped);
        Assert.Equal(new MapViewport(new MapBounds(5.8, 51.9, 6.0, 52.1), new MapPosition(52.0, 5.9), 14), view);
    }

    [Fact]
    public async Task LayersThatCannotBeLoaded_AreSaidInWords()
    {
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Officer);
        context.JSInterop.SetupModule(BackOfficeMap.ModulePath);
        var map = context.Render<BackOfficeMap>(p => p.Add(m => m.Label, "Kaart").Add(m => m.Layers, "laadpunten"));
        Assert.Equal("", map.Find("[role=status]").TextContent.Trim());

        await map.InvokeAsync(() => map.Instance.LayersFailed(true));

        Assert.StartsWith("De kaartgegevens konden niet worden geladen", map.Find("[role=status]").TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RemovingTheMap_RemovesItInTheBrowser_AndBeforeTheCircuitNothingIsLoaded()
    {
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Officer);
        var module = context.JSInterop.SetupModule(BackOfficeMap.ModulePath);
        var map = context.Render<BackOfficeMap>(p => p.Add(m => m.Label, "Kaart"));
        map.WaitForAssertion(() => module.VerifyInvoke("create"), Wait);

        await context.DisposeComponentsAsync();

        module.VerifyInvoke("dispose");

        await using var prerender = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Officer);
        prerender.SetRendererInfo(new RendererInfo("Static", isInteractive: false));
        var staticModule = prerender.JSInterop.SetupModule(BackOfficeMap.ModulePath);
        var box = prerender.Render<BackOfficeMap>(p => p.Add(m => m.Label, "Kaart"));
        Assert.Equal("Kaart", box.Find("[role=region]").GetAttribute("aria-label"));
        Assert.Empty(staticModule.Invocations["create"]);
        Assert.Empty(prerender.JSInterop.Invocations["import"]);
    }
}
