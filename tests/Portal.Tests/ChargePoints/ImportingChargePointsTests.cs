using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Features.ChargePoints;
using Portal.Integration.ChargePoints;
using Portal.Integration.Persistence;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.ChargePoints;

/// <summary>An officer's charge point upload, through the service the interactive import page calls (real database).</summary>
public sealed class ImportingChargePointsTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    internal const string Header = "id,source,source_location_id,operator_party_id,operator_name,owner_name,name,address,postal_code,city,gemeente_code,gemeente_name,province,latitude,longitude,evse_count,connector_count,max_power_kw,power_types,connector_types,has_dc,status,evse_status_counts,parking_type,open_24_7,energy_price_eur_kwh_excl_vat,category,detail_level,last_updated,duplicate_of,dedup_method";

    internal static string Row(string id, string code, double latitude, double longitude, string address = "Proefstraat 1") =>
        FormattableString.Invariant($"{id},NDW,{id},NL*ALL,Allego,,{address},{address},6811AA,Arnhem,{code},x,Gelderland,{latitude},{longitude},1,,11,,,,AVAILABLE,,,,,,basic,,,");

    private async Task<ImportReport?> UploadAsync(string fileName, string content, string officer = DemoAccounts.Officer)
    {
        var principal = await app.PrincipalOfAsync(officer);
        await using var scope = app.App.Services.CreateAsyncScope();
        var arnhem = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Municipalities.Where(m => m.Name == "Arnhem").Select(m => m.Id).SingleAsync();
        using var file = new MemoryStream(Encoding.UTF8.GetBytes(content));
        return await scope.ServiceProvider.GetRequiredService<ChargePointImport>().ImportUploadAsync(principal, arnhem, fileName, file, evses: null);
    }

    [Fact]
    public async Task CsvUpload_AddsGoodRows_RejectsTheRestWithReasons_AndReimportUpdates()
    {
        using var officer = await app.LogInAsAsync(DemoAccounts.Officer);   // for the public list below
        var csv = string.Join('\n', Header,
            Row("proef-1", "GM0202", 51.9851, 5.9100),                  // in Arnhem
            Row("proef-2", "GM0344", 52.0907, 5.1214),                  // Utrecht's
            Row("proef-3", "GM0202", 52.0907, 5.1214),                  // says Arnhem, lies in Utrecht
            Row("proef-4", "GM0202", 95.0, 5.91)) + "\n";               // not on earth

        var first = (await UploadAsync("laadpunten.csv", csv))!;
        var second = (await UploadAsync("laadpunten.csv", csv.Replace("Proefstraat 1", "Proefstraat 2", StringComparison.Ordinal)))!;

        Assert.Equal((1, 0, 3), (first.Created, first.Updated, first.Rejected.Count));
        var reasons = first.Rejected;
        Assert.Equal([3, 4, 5], reasons.Select(r => r.Line));
        Assert.Contains("belongs to GM0344", reasons[0].Reason, StringComparison.Ordinal);
        Assert.Contains("lies outside Arnhem", reasons[1].Reason, StringComparison.Ordinal);
        Assert.Contains("Latitude", reasons[2].Reason, StringComparison.Ordinal);
        Assert.Equal((0, 1, 3), (second.Created, second.Updated, second.Rejected.Count));

        var (_, list) = await officer.GetPageAsync("/laadpunten?zoek=Proefstraat");
        Assert.Equal("Proefstraat 2", list.QuerySelector("tbody tr a")!.TextContent);
        Assert.Single(list.QuerySelectorAll("tbody tr"));
    }

    [Fact]
    public async Task GeoJsonUpload_KeepsPoints_AndRejectsOtherShapesAndMissingOperators()
    {
        using var officer = await app.LogInAsAsync(DemoAccounts.Officer);   // for the public list below
        const string geojson = """
            {"type": "FeatureCollection", "features": [
              {"type": "Feature", "id": "gis-1", "geometry": {"type": "Point", "coordinates": [5.9120, 51.9860]}, "properties": {"operator": "Gemeente Arnhem", "address": "Geoweg 1", "status": "CHARGING", "maxPowerKw": 22}},
              {"type": "Feature", "id": "gis-2", "geometry": {"type": "Polygon", "coordinates": [[[5.91, 51.98], [5.92, 51.98], [5.92, 51.99], [5.91, 51.98]]]}, "properties": {"operator": "X"}},
              {"type": "Feature", "id": "gis-3", "geometry": {"type": "Point", "coordinates": [5.9130, 51.9870]}, "properties": {"address": "Zonder exploitant"}}
            ]}
            """;

        var result = (await UploadAsync("register.geojson", geojson))!;

        Assert.Equal((1, 0, 2), (result.Created, result.Updated, result.Rejected.Count));
        var (_, list) = await officer.GetPageAsync("/laadpunten?zoek=Geoweg");
        Assert.Contains("22 kW", list.QuerySelector("tbody tr")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Bezet", list.QuerySelector("tbody tr")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlannedAndNonPublicLocations_AreDrawnAsPlanned_OrKeptOffThePublicPages()
    {
        const string geojson = """
            {"type": "FeatureCollection", "features": [
              {"type": "Feature", "id": "plan-1", "geometry": {"type": "Point", "coordinates": [5.8900, 52.0010]}, "properties": {"operator": "Gemeente Arnhem", "address": "Planweg 1", "planned": true}},
              {"type": "Feature", "id": "priv-1", "geometry": {"type": "Point", "coordinates": [5.8905, 52.0012]}, "properties": {"operator": "Bedrijf", "address": "Bedrijfsterrein 1", "public": false}}
            ]}
            """;
        var report = (await UploadAsync("plan.geojson", geojson))!;
        Assert.Equal((2, 0, 0), (report.Created, report.Updated, report.Rejected.Count));

        using var anonymous = app.CreateClient();
        var json = await anonymous.Http.GetStringAsync("/api/map/features?bbox=5.88,51.99,5.90,52.01&zoom=22");
        var (_, list) = await anonymous.GetPageAsync("/laadpunten?zoek=Bedrijfsterrein");

        Assert.Contains("\"label\":\"Planweg 1\",\"status\":\"Planned\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Bedrijfsterrein", json, StringComparison.Ordinal);
        Assert.Null(list.QuerySelector("tbody tr"));
    }

    [Fact]
    public async Task AFileOfAnotherType_IsNotRead_AndOnlyTheOfficersOwnMunicipalityTakesUploads()
    {
        using var resident = await app.LogInAsAsync(DemoAccounts.Resident);

        Assert.Null(await UploadAsync("laadpunten.xlsx", "PK"));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => UploadAsync("laadpunten.csv", Header + "\n", DemoAccounts.Admin));
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.Http.GetAsync("/beheer/laadpunten/importeren")).StatusCode);
    }
}
