using System.Net;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Map;

/// <summary>The portal with its address search pointed at a fake PDOK Locatieserver.</summary>
public class PortalWithFakePdok : PortalAppFactory
{
    private FakePdokServer? _pdok;

    protected virtual PdokFault Fault => PdokFault.None;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Geocoding:BaseUrl"] = _pdok!.BaseUrl.ToString(),
        ["Geocoding:TimeoutSeconds"] = "2",
    };

    protected override async Task BeforeStartAsync() => _pdok = await FakePdokServer.StartAsync(Fault);

    protected override async ValueTask AfterStopAsync()
    {
        if (_pdok is not null)
            await _pdok.DisposeAsync();
    }
}

public sealed class PortalWithBrokenPdok : PortalWithFakePdok
{
    protected override PdokFault Fault => PdokFault.ServerErrorAlways;
}

public sealed class CheckingAnAddressOnTheMapTests(PortalWithFakePdok app) : IClassFixture<PortalWithFakePdok>
{
    [Fact]
    public async Task KnownAddress_ShowsTheNearestChargePointsAndThePolicyOutcome()
    {
        using var client = app.CreateClient();

        var (response, page) = await client.GetPageAsync("/kaart?adres=Velperweg%201%20Arnhem");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Bij Velperweg 1, 6824BA Arnhem", page.QuerySelector("#check-heading")!.TextContent);
        Assert.NotEmpty(page.QuerySelector("[data-testid=eligibility-outcome]")!.TextContent);
        var rows = page.QuerySelectorAll(".portal-check tbody tr");
        Assert.Equal(5, rows.Length);
        Assert.All(rows, row => Assert.EndsWith(" m", row.Children[1].TextContent, StringComparison.Ordinal));
        Assert.Equal("51.98719044", page.QuerySelector("#map")!.GetAttribute("data-marker-lat"));
    }

    [Fact]
    public async Task OfficerFindsASpotByAddress_AndGetsItsCoordinatesFilledIn()
    {
        using var officer = await app.LogInAsAsync(DemoAccounts.Officer);

        var (response, page) = await officer.GetPageAsync("/beheer/plekken/nieuw?adres=Velperweg%201");
        Assert.True(response.IsSuccessStatusCode, page.QuerySelector("main")?.TextContent);

        Assert.Equal("51.9871904", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#lat")!.Value);
        Assert.Equal("5.9214388", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#lon")!.Value);
        Assert.Equal("Velperweg 1, 6824BA Arnhem", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#address")!.Value);
    }

    [Fact]
    public async Task ChargePointList_SortsByDistanceToTheAddress()
    {
        using var client = app.CreateClient();

        var (_, page) = await client.GetPageAsync("/laadpunten?adres=Velperweg%201%20Arnhem");

        var distances = page.QuerySelectorAll("tbody tr td[data-testid=distance]")
            .Select(td => int.Parse(td.TextContent.Replace(" m", "", StringComparison.Ordinal).Replace(".", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture))
            .ToList();
        Assert.Equal(25, distances.Count);
        Assert.Equal(distances.Order(), distances);
        Assert.Contains("Velperweg 1, 6824BA Arnhem", page.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
    }
}

public sealed class AddressSearchDownTests(PortalWithBrokenPdok app) : IClassFixture<PortalWithBrokenPdok>
{
    [Fact]
    public async Task AddressSearchDown_StillShowsTheMapAndSaysSo()
    {
        using var client = app.CreateClient();

        var (response, page) = await client.GetPageAsync("/kaart?adres=Velperweg%201");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("werkt op dit moment niet", page.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#map"));
    }
}
