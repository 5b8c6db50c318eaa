using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Features.Spots;
using Portal.Integration.Persistence;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Spots;

/// <summary>The spot map to and from the municipality's GIS: the import (through the service the interactive page calls) and the GeoJSON export (a GET).</summary>
public sealed class ExchangingSpotsAsGeoJsonTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private const string Upload = """
        {"type": "FeatureCollection", "features": [
          {"type": "Feature", "id": "GIS-1", "geometry": {"type": "Point", "coordinates": [5.8950, 51.9990]},
           "properties": {"address": "Parkweg 1", "bays": 2, "setUp": "ParallelBays", "freePavementWidthCm": 150, "distanceToBayCm": 30, "gridCableNearby": true}},
          {"type": "Feature", "properties": {"id": "GIS-2", "address": "Parkweg 9"}, "geometry": {"type": "Point", "coordinates": [5.8990, 52.0010]}},
          {"type": "Feature", "id": "GIS-3", "geometry": {"type": "LineString", "coordinates": [[5.89, 51.99], [5.90, 51.99]]}, "properties": {"address": "Lijn"}},
          {"type": "Feature", "id": "GIS-4", "geometry": {"type": "Point", "coordinates": [5.8960, 51.9995]}, "properties": {"bays": 2}},
          {"type": "Feature", "id": "GIS-5", "geometry": {"type": "Point", "coordinates": [5.8970, 51.9997]}, "properties": {"address": "Te veel", "bays": 12}}
        ]}
        """;

    private async Task<SpotImportReport> ImportAsync(string content)
    {
        var officer = await app.PrincipalOfAsync(DemoAccounts.Officer);
        await using var scope = app.App.Services.CreateAsyncScope();
        var arnhem = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Municipalities.Where(m => m.Name == "Arnhem").Select(m => m.Id).SingleAsync();
        using var upload = new MemoryStream(Encoding.UTF8.GetBytes(content));
        return await scope.ServiceProvider.GetRequiredService<SpotService>().ImportAsync(officer, arnhem, upload);
    }

    [Fact]
    public async Task Import_KeepsGoodFeatures_ReportsBadOnes_AndUpdatesByIdOnTheSecondRun_ThenExportsThem()
    {
        var first = await ImportAsync(Upload);

        Assert.Equal((2, 0, 3), (first.Added, first.Updated, first.Refused));
        Assert.Equal([(0, "GIS-1", SpotImportOutcome.Added), (1, "GIS-2", SpotImportOutcome.Added)],
            first.Lines.Where(l => l.Outcome != SpotImportOutcome.Refused).Select(l => (l.Index, l.Id!, l.Outcome)));
        Assert.Equal(["Parkweg 1", "Parkweg 9"], first.Lines.Where(l => l.Outcome == SpotImportOutcome.Added).Select(l => l.Address));
        var rejected = first.Lines.Where(l => l.Outcome == SpotImportOutcome.Refused).ToList();
        Assert.Equal([2, 3, 4], rejected.Select(r => r.Index));
        Assert.Contains("LineString", rejected[0].Reason, StringComparison.Ordinal);
        Assert.Equal("De eigenschap address ontbreekt.", rejected[1].Reason);
        Assert.Equal("Een plek bedient 1 tot en met 10 parkeervakken.", rejected[2].Reason);

        var second = await ImportAsync(Upload.Replace("\"bays\": 2, \"setUp\"", "\"bays\": 4, \"setUp\"", StringComparison.Ordinal));
        Assert.Equal((0, 2, 3), (second.Added, second.Updated, second.Refused));

        using var officer = await app.LogInAsAsync(DemoAccounts.Officer);
        var export = await officer.Http.GetAsync("/beheer/plekken/export.geojson");
        using var json = JsonDocument.Parse(await export.Content.ReadAsStringAsync());
        var features = json.RootElement.GetProperty("features").EnumerateArray().ToList();
        var parkweg = features.Single(f => f.GetProperty("id").GetString() == "GIS-1");
        Assert.Equal("application/geo+json", export.Content.Headers.ContentType!.MediaType);
        Assert.Equal(4, parkweg.GetProperty("properties").GetProperty("bays").GetInt32());
        Assert.Equal("ParallelBays", parkweg.GetProperty("properties").GetProperty("setUp").GetString());
        Assert.Equal(5.895, parkweg.GetProperty("geometry").GetProperty("coordinates")[0].GetDouble(), precision: 6);
        Assert.Contains(features, f => f.GetProperty("id").GetString() == "GIS-2");
    }

    [Fact]
    public async Task AFileThatIsNotJson_IsRefusedAsAWhole()
    {
        var garbage = await ImportAsync("dit is geen json");

        var line = Assert.Single(garbage.Lines);
        Assert.Equal((-1, SpotImportOutcome.Refused), (line.Index, line.Outcome));
        Assert.StartsWith("The file is not valid JSON", line.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASpotsPropertiesOfTheWrongKind_AreExplainedInEnglishToAnEnglishReader()
    {
        const string upload = """
            {"type": "FeatureCollection", "features": [
              {"type": "Feature", "geometry": {"type": "Point", "coordinates": [5.8950, 51.9990]}, "properties": {"address": "Zonder id"}},
              {"type": "Feature", "id": "EN-2", "geometry": {"type": "Point", "coordinates": [5.8950, 51.9990]}, "properties": {"address": "Kwart vak", "bays": 1.5}},
              {"type": "Feature", "id": "EN-3", "geometry": {"type": "Point", "coordinates": [5.8950, 51.9990]}, "properties": {"address": "Opstelling", "setUp": "Overhead"}}
            ]}
            """;
        var culture = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("en");
        try
        {
            var report = await ImportAsync(upload);

            Assert.Equal(
                [
                    "The feature has no id; one is needed to update the spot in a later import.",
                    "The property bays must be a whole number.",
                    "setUp ‘Overhead’ is not one of InBay, OnPavement, ParallelBays.",
                ],
                report.Lines.Select(l => l.Reason));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = culture;
        }
    }

    [Fact]
    public async Task ExportAndImport_AreForOfficersOnly()
    {
        using var resident = await app.LogInAsAsync(DemoAccounts.Resident);
        using var anonymous = app.CreateClient();

        Assert.Equal(HttpStatusCode.Forbidden, (await resident.Http.GetAsync("/beheer/plekken/export.geojson")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.Http.GetAsync("/beheer/plekken/importeren")).StatusCode);
        await Assert.ThrowsAsync<UnauthorizedAccessException>(async () =>
        {
            await using var scope = app.App.Services.CreateAsyncScope();
            using var upload = new MemoryStream(Encoding.UTF8.GetBytes(Upload));
            await scope.ServiceProvider.GetRequiredService<SpotService>().ImportAsync(await app.PrincipalOfAsync(DemoAccounts.Admin), Guid.NewGuid(), upload);
        });
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.Http.GetAsync("/beheer/plekken/export.geojson")).StatusCode);
    }
}
