using System.Net;
using System.Text;
using System.Text.Json;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Spots;

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

    private static Task<HttpResponseMessage> UploadAsync(PortalClient officer, string fileName, byte[] content) =>
        officer.UploadAsync("/beheer/plekken/importeren", "import-spots", "bestand", fileName, content);

    [Fact]
    public async Task Import_KeepsGoodFeatures_ReportsBadOnes_AndUpdatesByIdOnTheSecondRun_ThenExportsThem()
    {
        using var officer = await app.LogInAsAsync(DemoAccounts.Officer);

        var (_, first) = await officer.FollowAsync(await UploadAsync(officer, "plekken.geojson", Encoding.UTF8.GetBytes(Upload)));

        Assert.Equal("2 plekken toegevoegd, 0 bijgewerkt, 3 afgewezen.", first.QuerySelector("[data-testid=import-summary]")!.TextContent);
        var rejected = first.QuerySelectorAll("[data-testid=import-rejected] tbody tr").Select(r => r.Children.Select(c => c.TextContent).ToList()).ToList();
        Assert.Equal(["3", "4", "5"], rejected.Select(r => r[0]));
        Assert.Contains("Point", rejected[0][2], StringComparison.Ordinal);
        Assert.Contains("address", rejected[1][2], StringComparison.Ordinal);
        Assert.Equal("Een plek bedient 1 tot en met 10 parkeervakken.", rejected[2][2]);

        var (_, second) = await officer.FollowAsync(await UploadAsync(officer, "plekken.json", Encoding.UTF8.GetBytes(Upload.Replace("\"bays\": 2, \"setUp\"", "\"bays\": 4, \"setUp\"", StringComparison.Ordinal))));
        Assert.Equal("0 plekken toegevoegd, 2 bijgewerkt, 3 afgewezen.", second.QuerySelector("[data-testid=import-summary]")!.TextContent);

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
    public async Task FileThatIsNotGeoJson_IsRefusedWithAMessage()
    {
        using var officer = await app.LogInAsAsync(DemoAccounts.Officer);

        var (_, wrongType) = await officer.FollowAsync(await UploadAsync(officer, "plekken.pdf", [0x25, 0x50, 0x44, 0x46]));
        var (_, garbage) = await officer.FollowAsync(await UploadAsync(officer, "plekken.geojson", Encoding.UTF8.GetBytes("dit is geen json")));

        Assert.Contains("GeoJSON-bestand", wrongType.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("0 plekken toegevoegd, 0 bijgewerkt, 1 afgewezen.", garbage.QuerySelector("[data-testid=import-summary]")!.TextContent);
        Assert.Equal("Hele bestand", garbage.QuerySelector("[data-testid=import-rejected] tbody td")!.TextContent);
    }

    [Fact]
    public async Task ExportAndImport_AreForOfficersOnly()
    {
        using var resident = await app.LogInAsAsync(DemoAccounts.Resident);
        using var anonymous = app.CreateClient();

        Assert.Equal(HttpStatusCode.Forbidden, (await resident.Http.GetAsync("/beheer/plekken/export.geojson")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.Http.GetAsync("/beheer/plekken/importeren")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.Http.GetAsync("/beheer/plekken/export.geojson")).StatusCode);
    }
}
