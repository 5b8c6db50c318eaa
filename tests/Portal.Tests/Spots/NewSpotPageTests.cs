using Bunit;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Portal.Components.BackOffice;
using Portal.Domain.Spots;
using Portal.Features.Spots;
using Portal.Tests.Infrastructure;
using Portal.Tests.Map;
using static Portal.Tests.Spots.SpotPageTesting;

namespace Portal.Tests.Spots;

/// <summary>The interactive new-spot page (bUnit): the address autocomplete on a stand-in for PDOK, the point on the map, the checks at once, saving.</summary>
public sealed class NewSpotPageTests : IClassFixture<PortalWithFakePdok>
{
    private readonly PortalWithFakePdok app;

    public NewSpotPageTests(PortalWithFakePdok app)
    {
        this.app = app;
        ReadInDutch();
    }

    // A point in Arnhem's Sonsbeek park, more than 50 m from every charge point in the demo data.
    private const string Park = "lat=51.994&lon=5.901";

    private sealed record Opened(BackOfficeContext Context, IRenderedComponent<MudPopoverProvider> Popovers, BunitJSModuleInterop Module, IRenderedComponent<NewSpotPage> Page)
        : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Context.DisposeAsync();
    }

    private async Task<Opened> OpenAsync(string query = "")
    {
        var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Officer);
        var popovers = context.Render<MudPopoverProvider>();
        context.Render<MudDialogProvider>();
        var module = context.JSInterop.SetupModule(BackOfficeMap.ModulePath);
        context.Navigation.NavigateTo("/beheer/plekken/nieuw" + query);
        var page = context.Render<NewSpotPage>();
        page.WaitForAssertion(() => module.VerifyInvoke("create"), Wait);
        return new Opened(context, popovers, module, page);
    }

    [Fact]
    public async Task TypingAnAddress_SuggestsAddressesFromPdok_AndChoosingOne_SetsThePointAndTheAddress_AndMovesTheMap()
    {
        await using var opened = await OpenAsync();
        var page = opened.Page;
        Assert.Contains("Klik op de kaart of vul de coördinaten in", page.Find("[data-testid=spot-checks]").TextContent, StringComparison.Ordinal);

        await page.Find("#zoekadres").InputAsync(new ChangeEventArgs { Value = "Velperweg 1" });
        opened.Popovers.WaitForAssertion(() => Assert.Contains("Velperweg 1A, 6824BA Arnhem", opened.Popovers.Markup, StringComparison.Ordinal), Wait);
        await opened.Popovers.InvokeAsync(() => opened.Popovers.FindAll(".mud-list-item").First(i => i.TextContent.Trim() == "Velperweg 1, 6824BA Arnhem").ClickAsync(new()));

        page.WaitForAssertion(() => Assert.Equal("51.9871904", page.Find("#lat").GetAttribute("value")), Wait);
        Assert.Equal("5.9214388", page.Find("#lon").GetAttribute("value"));
        Assert.Equal("Velperweg 1, 6824BA Arnhem", page.Find("#address").GetAttribute("value"));
        page.WaitForAssertion(() => Assert.DoesNotContain("Klik op de kaart", page.Find("[data-testid=spot-checks]").TextContent, StringComparison.Ordinal), Wait);
        page.WaitForAssertion(() => Assert.NotEmpty(opened.Module.Invocations["setView"]), Wait);
        var view = opened.Module.Invocations["setView"][^1];
        Assert.Equal((51.987190, 18), (Math.Round((double)view.Arguments[1]!, 6), (int)view.Arguments[3]!));
        var marker = Json(opened.Module.Invocations["setMarkers"][^1].Arguments[1])[0];
        Assert.Equal(("new", true), (marker.GetProperty("kind").GetString(), marker.GetProperty("draggable").GetBoolean()));
    }

    [Fact]
    public async Task TheOldLinks_FillThePoint_FromCoordinatesOrAnAddress()
    {
        await using (var byCoordinates = await OpenAsync("?" + Park))
        {
            Assert.Equal("51.994", byCoordinates.Page.Find("#lat").GetAttribute("value"));
            byCoordinates.Page.WaitForAssertion(() => Assert.Contains("De vrije stoepbreedte is nog niet gemeten", byCoordinates.Page.Find("[data-testid=spot-warnings]").TextContent, StringComparison.Ordinal), Wait);
            var options = Json(byCoordinates.Module.VerifyInvoke("create").Arguments[1]);
            Assert.Equal((51.994, 18), (options.GetProperty("latitude").GetDouble(), options.GetProperty("zoom").GetInt32()));
        }
        await using var byAddress = await OpenAsync("?adres=Velperweg%201");
        byAddress.Page.WaitForAssertion(() => Assert.Equal("51.9871904", byAddress.Page.Find("#lat").GetAttribute("value")), Wait);
        Assert.Equal("Velperweg 1, 6824BA Arnhem", byAddress.Page.Find("#address").GetAttribute("value"));
        Assert.Contains("Gevonden: Velperweg 1, 6824BA Arnhem", byAddress.Page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClickingTheMap_MovesThePoint_AndSaving_AddsTheSpot_AndOpensItsPage()
    {
        await using var opened = await OpenAsync("?" + Park);
        var page = opened.Page;
        var map = page.FindComponent<BackOfficeMap>();

        await map.InvokeAsync(() => map.Instance.MapClicked(51.9941, 5.9011));

        page.WaitForAssertion(() => Assert.Equal("51.9941", page.Find("#lat").GetAttribute("value")), Wait);
        await page.TypeAsync("#address", "Parkplek 1");
        await page.TypeAsync("#pavement", "150");
        await page.TypeAsync("#tobay", "40");
        page.WaitForAssertion(() => Assert.Contains("voldoet aan alle plaatsingsrichtlijnen", page.Find("[data-testid=spot-checks]").TextContent, StringComparison.Ordinal), Wait);
        await page.InvokeAsync(() => page.FindAll("button").Single(b => b.TextContent.Trim() == "Plek opslaan").ClickAsync(new()));

        // The page opens the new spot's page once it is saved.
        page.WaitForAssertion(() => Assert.Matches("/beheer/plekken/[0-9a-f-]{36}$", opened.Context.Navigation.Uri), Wait);
        var spot = (await app.SpotAsync("Parkplek 1"))!;
        Assert.EndsWith($"/beheer/plekken/{spot.Id}", opened.Context.Navigation.Uri, StringComparison.Ordinal);
        Assert.Equal((51.9941, 5.9011, SpotStatus.Candidate), (spot.Latitude, spot.Longitude, spot.Status));
        Assert.Contains(opened.Context.Snackbar.ShownSnackbars, s => s.Message == "Plek Parkplek 1 is opgeslagen.");
    }

    [Fact]
    public async Task EmptyFieldsAndAPointOutsideTheNetherlands_AreRefused_AndTheFormKeepsWhatWasTyped()
    {
        await using var opened = await OpenAsync("?lat=5.9&lon=51.98");
        var page = opened.Page;
        page.WaitForAssertion(() => Assert.Contains("verwisseld", page.Find("[data-testid=spot-outside]").TextContent, StringComparison.Ordinal), Wait);

        await page.InvokeAsync(() => page.FindAll("button").Single(b => b.TextContent.Trim() == "Plek opslaan").ClickAsync(new()));
        page.WaitForAssertion(() => Assert.Contains("Vul dit veld in.", page.Markup, StringComparison.Ordinal), Wait);

        await page.TypeAsync("#address", "Verwisseld");
        await page.InvokeAsync(() => page.FindAll("button").Single(b => b.TextContent.Trim() == "Plek opslaan").ClickAsync(new()));

        page.WaitForAssertion(() => Assert.Contains("verwisseld", page.Find("[role=alert]").TextContent, StringComparison.Ordinal), Wait);
        Assert.Equal("Verwisseld", page.Find("#address").GetAttribute("value"));
        Assert.Null(await app.SpotAsync("Verwisseld"));
    }
}

/// <summary>The new-spot page when PDOK does not answer: the address field says so, the rest of the form works.</summary>
public sealed class NewSpotPageWithoutPdokTests(PortalWithBrokenPdok app) : IClassFixture<PortalWithBrokenPdok>
{
    [Fact]
    public async Task TheAddressField_SaysTheSearchIsDown()
    {
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Officer);
        context.Render<MudPopoverProvider>();
        context.JSInterop.SetupModule(BackOfficeMap.ModulePath);
        var page = context.Render<NewSpotPage>();
        page.WaitForElement("#zoekadres", Wait);

        await page.Find("#zoekadres").InputAsync(new ChangeEventArgs { Value = "Velperweg 1" });

        page.WaitForAssertion(() => Assert.Contains("Het zoeken op adres werkt op dit moment niet", page.Markup, StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        Assert.NotNull(page.Find("#address"));
    }
}
