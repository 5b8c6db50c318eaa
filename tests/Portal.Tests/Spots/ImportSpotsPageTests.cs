using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Portal.Domain.Spots;
using Portal.Features.Spots;
using Portal.Tests.Infrastructure;
using static Portal.Tests.Spots.SpotPageTesting;

namespace Portal.Tests.Spots;

/// <summary>The interactive spot import page (bUnit): a file chosen with MudFileUpload, the checks before reading it, every feature's outcome in a grid.</summary>
public sealed class ImportSpotsPageTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private const string Upload = """
        {"type": "FeatureCollection", "features": [
          {"type": "Feature", "id": "PAGINA-1", "geometry": {"type": "Point", "coordinates": [5.8950, 52.2990]}, "properties": {"address": "Importlaan 1", "bays": 2}},
          {"type": "Feature", "id": "PAGINA-2", "geometry": {"type": "Point", "coordinates": [5.8960, 52.2995]}, "properties": {"address": "Importlaan 2", "setUp": "InBay"}},
          {"type": "Feature", "id": "PAGINA-3", "geometry": {"type": "Point", "coordinates": [5.8970, 52.2997]}, "properties": {"address": "Te veel", "bays": 12}}
        ]}
        """;

    private async Task<(BackOfficeContext Context, IRenderedComponent<ImportSpotsPage> Page)> OpenAsync()
    {
        var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Officer);
        context.RenderProviders();
        var page = context.Render<ImportSpotsPage>();
        page.WaitForElement("#choose-file", Wait);
        return (context, page);
    }

    private static async Task ImportAsync(IRenderedComponent<ImportSpotsPage> page, InputFileContent? file, string name = "")
    {
        if (file is not null)
        {
            page.FindComponent<InputFile>().UploadFiles(file);
            page.WaitForAssertion(() => Assert.Equal($"Gekozen: {name}", page.Find("[data-testid=chosen-file]").TextContent.Trim()), Wait);
        }
        await page.InvokeAsync(() => page.FindAll("button").Single(b => b.TextContent.Trim() == "Importeren").ClickAsync(new()));
    }

    private static IReadOnlyList<IReadOnlyList<string>> Rows(IRenderedComponent<ImportSpotsPage> page) =>
        page.FindAll("[data-testid=import-results] tbody tr").Select(r => (IReadOnlyList<string>)r.Children.Select(c => c.TextContent.Trim()).ToList()).ToList();

    [Fact]
    public async Task AnUpload_ShowsEveryFeature_AddedOrRefusedWithTheReason_AndTheRefusedOnesCanBeShownAlone()
    {
        var (context, page) = await OpenAsync();
        await using var disposer = context;

        await ImportAsync(page, InputFileContent.CreateFromText(Upload, "plekken.geojson"), "plekken.geojson");

        page.WaitForAssertion(() => Assert.Equal("2 plekken toegevoegd, 0 bijgewerkt, 1 afgewezen.", page.Find("[data-testid=import-summary]").TextContent.Trim()), Wait);
        Assert.Equal(
            [
                ["1", "PAGINA-1", "Importlaan 1", "Toegevoegd", "–"],
                ["2", "PAGINA-2", "Importlaan 2", "Toegevoegd", "–"],
                ["3", "PAGINA-3", "Te veel", "Afgewezen", "Een plek bedient 1 tot en met 10 parkeervakken."],
            ],
            Rows(page));
        Assert.Equal(SpotSetUp.InBay, (await app.SpotAsync("Importlaan 2"))!.SetUp);

        await page.Find(".mud-switch input").ChangeAsync(new ChangeEventArgs { Value = true });

        page.WaitForAssertion(() => Assert.Equal(["PAGINA-3"], Rows(page).Select(r => r[1])), Wait);
    }

    [Fact]
    public async Task NoFile_AnotherType_OrTooLarge_IsRefusedBeforeReading()
    {
        var (context, page) = await OpenAsync();
        await using var disposer = context;

        await ImportAsync(page, null);
        page.WaitForAssertion(() => Assert.Equal("Kies een bestand om te importeren.", page.Find("[role=alert]").TextContent.Trim()), Wait);

        await ImportAsync(page, InputFileContent.CreateFromBinary([0x25, 0x50, 0x44, 0x46], "plekken.pdf"), "plekken.pdf");
        page.WaitForAssertion(() => Assert.Equal("Kies een GeoJSON-bestand (.geojson of .json).", page.Find("[role=alert]").TextContent.Trim()), Wait);

        await ImportAsync(page, InputFileContent.CreateFromBinary(new byte[SpotService.MaxImportBytes + 1], "groot.geojson"), "groot.geojson");
        page.WaitForAssertion(() => Assert.Equal("Het bestand is groter dan 5 MB.", page.Find("[role=alert]").TextContent.Trim()), Wait);
        Assert.Empty(page.FindAll("[data-testid=import-summary]"));
    }

    [Fact]
    public async Task TheExport_StaysADownloadOfTheGeoJson()
    {
        var (context, page) = await OpenAsync();
        await using var disposer = context;

        var export = page.FindAll("a").Single(a => a.TextContent.Contains("Plekkenkaart downloaden", StringComparison.Ordinal));

        Assert.Equal("/beheer/plekken/export.geojson", export.GetAttribute("href"));
        Assert.True(export.HasAttribute("download"));
    }
}
