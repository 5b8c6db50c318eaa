using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Features.Spots;
using Portal.Integration.Persistence;
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
        var officer = await app.PrincipalOfAsync(DemoAccounts.Officer);
        await using var scope = app.App.Services.CreateAsyncScope();
        var arnhem = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Municipalities.Where(m => m.Name == "Arnhem").Select(m => m.Id).SingleAsync();
        using var file = new MemoryStream(Encoding.UTF8.GetBytes(upload));

        // As on a Dutch reader's circuit.
        System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("nl-NL");
        var report = await scope.ServiceProvider.GetRequiredService<SpotService>().ImportAsync(officer, arnhem, file);

        var reasons = report.Lines.Select(l => l.Reason).ToList();
        Assert.Equal(
            [
                "Een plek bedient 1 tot en met 10 parkeervakken.",
                "Het punt 5,897, 51,9997 ligt buiten het gebied waar de gemeente posities aanneemt. Controleer of breedte- en lengtegraad niet zijn verwisseld.",
            ],
            reasons);
    }
}
