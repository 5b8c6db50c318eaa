using System.Net;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.ChargePoints;

public sealed class DemoDataTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task HomePage_CountsArnhemsChargePoints()
    {
        using var client = app.CreateClient();

        var (response, page) = await client.GetPageAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Gemeente Arnhem", page.QuerySelector(".portal-header__name")!.TextContent);
        Assert.Equal("Arnhem", page.QuerySelector(".portal-card h3")!.TextContent);
        // 671 unique locations and 1,752 EVSEs that are not REMOVED in the 2026-06-07 snapshot (see Data/ATTRIBUTION.md).
        Assert.Equal("671", page.QuerySelector("[data-testid=location-count]")!.TextContent);
        Assert.Equal("1.752", page.QuerySelector("[data-testid=evse-count]")!.TextContent);
    }

    [Fact]
    public async Task ChargePointList_SearchesAndPages()
    {
        using var client = app.CreateClient();

        var (_, all) = await client.GetPageAsync("/laadpunten");
        var (_, second) = await client.GetPageAsync("/laadpunten?pagina=2");
        var (_, searched) = await client.GetPageAsync("/laadpunten?zoek=Velperweg");

        Assert.Equal(25, all.QuerySelectorAll("tbody tr").Length);
        Assert.Contains("671", all.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Pagina 2 van 27", second.QuerySelector(".portal-pager")!.TextContent, StringComparison.Ordinal);
        Assert.NotEqual(all.QuerySelector("tbody tr")!.TextContent, second.QuerySelector("tbody tr")!.TextContent);
        var rows = searched.QuerySelectorAll("tbody tr");
        Assert.NotEmpty(rows);
        Assert.All(rows, row => Assert.Contains("Velperweg", row.TextContent, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task ChargePointDetail_ListsItsEvses()
    {
        using var client = app.CreateClient();
        var (_, list) = await client.GetPageAsync("/laadpunten?sorteer=vermogen&aflopend=true");
        var href = list.QuerySelector("tbody tr a")!.GetAttribute("href")!;

        var (response, page) = await client.GetPageAsync(href);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(page.QuerySelectorAll("tbody tr"));
        Assert.Contains("kW", page.QuerySelector("dl")!.TextContent, StringComparison.Ordinal);
        Assert.All(page.QuerySelectorAll("[data-testid=connectors]"), cell => Assert.NotEmpty(cell.QuerySelectorAll("li")));
    }

    [Fact]
    public async Task SearchWithNoMatch_ShowsAnEmptyState()
    {
        using var client = app.CreateClient();

        var (_, page) = await client.GetPageAsync("/laadpunten?zoek=bestaatnergens");

        Assert.Null(page.QuerySelector("table"));
        Assert.Contains("Geen laadlocaties gevonden", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }
}
