using System.Net;
using System.Text;
using Portal.Tests.Applications;
using Portal.Tests.Infrastructure;
using Portal.Tests.Map;

namespace Portal.Tests.Localisation;

/// <summary>A rule the domain enforces reaches the page in the reader's language, with its values formatted for that language.</summary>
public sealed class ShowingBrokenRulesInTheReadersLanguageTests(PortalWithFakePdok app) : IClassFixture<PortalWithFakePdok>
{
    [Theory]
    [InlineData("nl", "Een aanvraag heeft hoogstens 10 bestanden. Verwijder eerst een bestand.")]
    [InlineData("en", "An application has at most 10 files.")]
    public async Task AnEleventhProofFile_IsRefusedInTheResidentsLanguage(string language, string expected)
    {
        using var resident = await ApplyFlow.NewResidentAsync(app, $"tien.bestanden.{language}@test.example");
        if (language != "nl")
            Assert.Equal(HttpStatusCode.Redirect, (await resident.Http.GetAsync($"/taal/{language}?returnUrl=%2F")).StatusCode);
        var id = await ApplyFlow.StartDraftAsync(resident);
        for (var i = 1; i <= 10; i++)
            Assert.Equal(HttpStatusCode.Redirect, (await resident.UploadAsync($"/aanvragen/{id}/stap/bewijs", "apply-proof", "bestand", $"bewijs-{i}.pdf", ApplyFlow.Pdf)).StatusCode);

        var (response, page) = await resident.FollowAsync(await resident.UploadAsync($"/aanvragen/{id}/stap/bewijs", "apply-proof", "bestand", "bewijs-11.pdf", ApplyFlow.Pdf));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(language, page.DocumentElement.GetAttribute("lang"));
        Assert.Equal(expected, page.QuerySelector("[data-testid=file-error]")!.TextContent.Trim());
        Assert.Equal(10, (await ApplyFlow.LoadAsync(app, id)).Documents.Count);
    }

    [Fact]
    public async Task SpotsTheImportRefuses_AreExplainedInDutch_WithDutchNumbers()
    {
        const string upload = """
            {"type": "FeatureCollection", "features": [
              {"type": "Feature", "id": "TAAL-1", "geometry": {"type": "Point", "coordinates": [5.8970, 51.9997]}, "properties": {"address": "Te veel", "bays": 12}},
              {"type": "Feature", "id": "TAAL-2", "geometry": {"type": "Point", "coordinates": [51.9997, 5.8970]}, "properties": {"address": "Omgedraaid"}}
            ]}
            """;
        using var officer = await app.LogInAsAsync(DemoAccounts.Officer);

        var (_, page) = await officer.FollowAsync(await officer.UploadAsync("/beheer/plekken/importeren", "import-spots", "bestand", "plekken.geojson", Encoding.UTF8.GetBytes(upload)));

        var reasons = page.QuerySelectorAll("[data-testid=import-rejected] tbody tr").Select(r => r.Children[2].TextContent).ToList();
        Assert.Equal(
            [
                "Een plek bedient 1 tot en met 10 parkeervakken.",
                "Het punt 5,897, 51,9997 ligt buiten het gebied waar de gemeente posities aanneemt. Controleer of breedte- en lengtegraad niet zijn verwisseld.",
            ],
            reasons);
    }
}
