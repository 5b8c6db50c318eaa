using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.ChargePoints;
using Portal.Integration.Persistence;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Ocpi;

/// <summary>
/// The demo import (NDW) names each location's OCPI party and location id; a push from that party
/// for that id updates the imported row instead of adding a second one.
/// </summary>
public sealed class MatchingOcpiLocationsToTheRegistryTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    // Demo CSV: ndw-1430fd469521d3fc, Opcharge (NL*SGM), Doorwerthlaan 33, EVSEs OPL1202-1 (CHARGING) and OPL1202-2.
    private const string OcpiId = "af194d5c06184596a607a51001f791f2";
    private const string Locations = "/ocpi/2.2.1/locations/NL/SGM";

    private static JsonObject DemoLocation(string id, string evse1Status, string lastUpdated) => new()
    {
        ["country_code"] = "NL",
        ["party_id"] = "SGM",
        ["id"] = id,
        ["publish"] = true,
        ["name"] = "Arnhem OPL1202 Doorwerthlaan",
        ["address"] = "Doorwerthlaan 33",
        ["city"] = "Arnhem",
        ["postal_code"] = "6825 EX",
        ["country"] = "NLD",
        ["coordinates"] = new JsonObject { ["latitude"] = "51.981257", ["longitude"] = "5.971498" },
        ["operator"] = new JsonObject { ["name"] = "Opcharge" },
        ["evses"] = new JsonArray(Evse("OPL1202-1", evse1Status, lastUpdated), Evse("OPL1202-2", "AVAILABLE", lastUpdated)),
        ["time_zone"] = "Europe/Amsterdam",
        ["last_updated"] = lastUpdated,
    };

    private static JsonObject Evse(string uid, string status, string lastUpdated) => new()
    {
        ["uid"] = uid,
        ["evse_id"] = $"NL*SGM*E{uid.Replace("-", "*", StringComparison.Ordinal)}",
        ["status"] = status,
        ["connectors"] = new JsonArray(new JsonObject
        {
            ["id"] = "1",
            ["standard"] = "IEC_62196_T2",
            ["format"] = "SOCKET",
            ["power_type"] = "AC_3_PHASE",
            ["max_voltage"] = 230,
            ["max_amperage"] = 16,
            ["max_electric_power"] = 11000,
            ["last_updated"] = lastUpdated,
        }),
        ["last_updated"] = lastUpdated,
    };

    [Fact]
    public async Task PushForAnImportedLocation_UpdatesItInsteadOfAddingASecond()
    {
        using var cpo = await OcpiPartner.RegisterAsync(app, "NL", "SGM");
        var before = await OcpiPartner.ChargeLocationCountAsync(app);

        var put = await cpo.PutAsync($"{Locations}/{OcpiId}", DemoLocation(OcpiId, "CHARGING", "2026-07-01T10:00:00Z"));
        var patch = await cpo.PatchAsync($"{Locations}/{OcpiId}/OPL1202-1", new JsonObject { ["status"] = "OUTOFORDER", ["last_updated"] = "2026-07-01T10:05:00Z" });

        Assert.Equal(1000, put.StatusCode);
        Assert.Equal(1000, patch.StatusCode);
        Assert.Equal(before, await OcpiPartner.ChargeLocationCountAsync(app));
        using var visitor = app.CreateClient();
        var (_, list) = await visitor.GetPageAsync("/laadpunten?zoek=Doorwerthlaan 33");
        var row = Assert.Single(list.QuerySelectorAll("tbody tr"));
        var (_, detail) = await visitor.GetPageAsync(row.QuerySelector("a")!.GetAttribute("href")!);
        var evse = detail.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("NL*SGM*EOPL1202*1", StringComparison.Ordinal));
        Assert.Contains("Defect", evse.TextContent, StringComparison.Ordinal);

        using var scope = app.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var location = await db.ChargeLocations.Include(l => l.Evses).SingleAsync(l => l.OcpiKey == $"NL*SGM*{OcpiId.ToUpperInvariant()}");
        Assert.Equal("NDW", location.Source);
        Assert.Equal("ndw-1430fd469521d3fc", location.SourceId);
        Assert.Equal(2, location.Evses.Count);
        Assert.Equal(EvseStatus.OutOfOrder, location.Evses.Single(e => e.Uid == "OPL1202-1").Status);
        var opcharge = await db.Operators.SingleAsync(o => o.Name == "Opcharge");
        Assert.Equal(opcharge.Id, location.OperatorId);
        Assert.Equal(2, await db.EvseStatusEvents.CountAsync(e => e.LocationSourceId == location.OcpiKey && e.EvseUid == "OPL1202-1"));
    }

    [Fact]
    public async Task PushForAnUnknownLocation_StillCreatesOne()
    {
        using var cpo = await OcpiPartner.RegisterAsync(app, "NL", "SGM");
        var before = await OcpiPartner.ChargeLocationCountAsync(app);
        var unknown = DemoLocation("SIM-NEW-1", "AVAILABLE", "2026-07-01T10:00:00Z");
        unknown["address"] = "Nieuwe Laadstraat 1";

        var answer = await cpo.PutAsync($"{Locations}/SIM-NEW-1", unknown);

        Assert.Equal(HttpStatusCode.Created, answer.Response.StatusCode);
        Assert.Equal(before + 1, await OcpiPartner.ChargeLocationCountAsync(app));
        using var scope = app.App.Services.CreateScope();
        var created = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().ChargeLocations.SingleAsync(l => l.OcpiKey == "NL*SGM*SIM-NEW-1");
        Assert.Equal("OCPI", created.Source);
    }

    [Fact]
    public async Task ImportOfALocationAnOcpiConnectionReports_IsRejectedNotDoubled()
    {
        using var cpo = await OcpiPartner.RegisterAsync(app, "NL", "SGM");
        var live = DemoLocation("IMP-LIVE-1", "AVAILABLE", "2026-07-01T10:00:00Z");
        live["address"] = "Livestraat 1";
        await cpo.PutAsync($"{Locations}/IMP-LIVE-1", live);
        const string header = "id,source,source_location_id,operator_party_id,operator_name,owner_name,name,address,postal_code,city,gemeente_code,gemeente_name,province,latitude,longitude,evse_count,connector_count,max_power_kw,power_types,connector_types,has_dc,status,evse_status_counts,parking_type,open_24_7,energy_price_eur_kwh_excl_vat,category,detail_level,last_updated,duplicate_of,dedup_method";
        var csv = header + "\nndw-live-1,NDW,imp-live-1,NL*SGM,Opcharge,,Livestraat 1,Livestraat 1,6825EX,Arnhem,GM0202,Arnhem,Gelderland,51.981257,5.971498,1,,11,,,,AVAILABLE,,,,,,basic,,,\n";
        using var officer = await app.LogInAsAsync(DemoAccounts.Officer);

        // The officer's upload, as the interactive import page hands it to the service.
        Portal.Integration.ChargePoints.ImportReport report;
        await using (var scope = app.App.Services.CreateAsyncScope())
        {
            var arnhem = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Municipalities.Where(m => m.Name == "Arnhem").Select(m => m.Id).SingleAsync();
            using var file = new MemoryStream(Encoding.UTF8.GetBytes(csv));
            report = (await scope.ServiceProvider.GetRequiredService<Portal.Features.ChargePoints.ChargePointImport>()
                .ImportUploadAsync(await app.PrincipalOfAsync(DemoAccounts.Officer), arnhem, "laadpunten.csv", file, evses: null))!;
        }

        Assert.Equal((0, 0), (report.Created, report.Updated));
        Assert.Equal("already reported over OCPI as NL*SGM*IMP-LIVE-1", Assert.Single(report.Rejected).Reason);
        var (_, list) = await officer.GetPageAsync("/laadpunten?zoek=Livestraat");
        Assert.Single(list.QuerySelectorAll("tbody tr"));
    }
}
