using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Portal.Features.ChargePoints;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.ChargePoints;

/// <summary>The interactive charge point import page (bUnit): the files chosen with MudFileUpload, the counts, the refused rows in a grid.</summary>
public sealed class ImportChargePointsPageTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private async Task<(BackOfficeContext Context, IRenderedComponent<ImportChargePointsPage> Page)> OpenAsync()
    {
        var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Officer);
        context.RenderProviders();
        var page = context.Render<ImportChargePointsPage>();
        page.WaitForElement("#choose-file", Wait);
        return (context, page);
    }

    private static Task ImportAsync(IRenderedComponent<ImportChargePointsPage> page) =>
        page.FindAll("button").Single(b => b.TextContent.Trim() == "Importeren").ClickAsync(new());

    [Fact]
    public async Task ACsvUpload_ShowsTheCounts_AndTheRefusedRowsWithTheirReasons()
    {
        var (context, page) = await OpenAsync();
        await using var disposer = context;
        var csv = string.Join('\n', ImportingChargePointsTests.Header,
            ImportingChargePointsTests.Row("pagina-1", "GM0202", 51.9852, 5.9101, "Paginastraat 1"),
            ImportingChargePointsTests.Row("pagina-2", "GM0344", 52.0907, 5.1214)) + "\n";

        page.FindComponents<InputFile>()[0].UploadFiles(InputFileContent.CreateFromText(csv, "laadpunten.csv"));
        page.WaitForAssertion(() => Assert.Equal("Gekozen: laadpunten.csv", page.Find("[data-testid=chosen-file]").TextContent.Trim()), Wait);
        await ImportAsync(page);

        page.WaitForAssertion(() => Assert.Equal("1 laadlocaties toegevoegd, 0 bijgewerkt, 1 regels afgewezen.", page.Find("[data-testid=import-summary]").TextContent.Trim()), Wait);
        var row = page.Find("[data-testid=import-rejected] tbody tr");
        Assert.Equal("3", row.Children[0].TextContent.Trim());
        Assert.Equal("pagina-2", row.Children[1].TextContent.Trim());
        Assert.Contains("belongs to GM0344", row.Children[2].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFileOfAnotherType_IsRefused_WithWhatToChoose()
    {
        var (context, page) = await OpenAsync();
        await using var disposer = context;

        page.FindComponents<InputFile>()[0].UploadFiles(InputFileContent.CreateFromText("PK", "laadpunten.xlsx"));
        page.WaitForAssertion(() => Assert.Contains("laadpunten.xlsx", page.Find("[data-testid=chosen-file]").TextContent, StringComparison.Ordinal), Wait);
        await ImportAsync(page);

        page.WaitForAssertion(() => Assert.Contains(".csv- of .geojson-bestand", page.Find("[role=alert]").TextContent, StringComparison.Ordinal), Wait);
        Assert.Empty(page.FindAll("[data-testid=import-summary]"));
    }
}
