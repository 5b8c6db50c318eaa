using System.IO.Compression;
using System.Net;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PdfSharp.Pdf.Content;
using PdfSharp.Pdf.Content.Objects;
using PdfSharp.Pdf.IO;
using Portal.Domain.Accounts;
using Portal.Domain.Common;
using Portal.Domain.Geography;
using Portal.Domain.Spots;
using Portal.Domain.TrafficOrders;
using Portal.Domain.TrafficOrders.OrderTexts;
using Portal.Features.TrafficOrders;
using Portal.Features.TrafficOrders.Publishing;
using Portal.Integration.GeoJson;
using Portal.Tests.Applications;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.TrafficOrders;

/// <summary>
/// The publication package and the sign register over HTTP, against the real app and database: what an
/// officer downloads, what another municipality's officer and an anonymous visitor get, and that no
/// applicant's data ends up in a publication.
/// </summary>
public sealed class PublicationPackageTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private const string Base = "/beheer/verkeersbesluiten";
    private static DateOnly Today => DutchCalendar.Day(DateTime.UtcNow);

    private async Task<T> CallAsync<TService, T>(Func<TService, Task<T>> call) where TService : notnull
    {
        await using var scope = app.App.Services.CreateAsyncScope();
        return await call(scope.ServiceProvider.GetRequiredService<TService>());
    }

    private async Task<Guid> SpotAsync(Guid municipalityId, string address, double offset)
    {
        return await OfficerTestData.ReadAsync(app, async db =>
        {
            var actor = new SpotActor("test", "Test");
            var spot = Spot.Create(municipalityId, Coordinate.FromWgs84(OfficerTestData.ParkLatitude + offset, OfficerTestData.ParkLongitude + offset),
                new SpotDetails(address, 2, SpotSetUp.OnPavement, null, null, null, null), actor, DateTime.UtcNow);
            spot.ChangeStatus(SpotStatus.Approved, actor, DateTime.UtcNow, "Getoetst");
            db.Spots.Add(spot);
            await db.SaveChangesAsync();
            return spot.Id;
        });
    }

    private async Task<(ClaimsPrincipal Officer, Guid Arnhem)> OfficerAsync() =>
        (await app.PrincipalOfAsync(DemoAccounts.Officer), await OfficerTestData.ArnhemAsync(app));

    private async Task<Guid> DraftAsync(string title, TrafficOrderRoute route, params Guid[] spots)
    {
        var (officer, arnhem) = await OfficerAsync();
        var step = await CallAsync<TrafficOrderService, TrafficOrderStep>(s => s.DraftAsync(officer, new TrafficOrderDraft(arnhem, title, route, spots, SignBoard.E4)));
        Assert.True(step.Succeeded, step.Error);
        return step.OrderId!.Value;
    }

    private async Task PublishAsync(Guid id, DateOnly publishedOn)
    {
        var (officer, _) = await OfficerAsync();
        Assert.Null((await CallAsync<TrafficOrderService, TrafficOrderStep>(s => s.RecordPoliceConsultationAsync(officer, id, publishedOn.AddDays(-10), "Geen bezwaar."))).Error);
        Assert.Null((await CallAsync<TrafficOrderService, TrafficOrderStep>(s => s.DecideAsync(officer, id, publishedOn.AddDays(-1)))).Error);
        Assert.Null((await CallAsync<TrafficOrderService, TrafficOrderStep>(s => s.PublishAsync(officer, id, PublicationChannel.Gemeenteblad, publishedOn, $"gmb-{id:N}"))).Error);
    }

    /// <summary>Every string the PDF's pages draw, page by page (the text is WinAnsi-encoded, so it reads as written).</summary>
    private static List<string> PdfPages(byte[] pdf)
    {
        using var document = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);
        return [.. document.Pages.Cast<PdfSharp.Pdf.PdfPage>().Select(page =>
        {
            var text = new StringBuilder();
            Collect(ContentReader.ReadContent(page), text);
            return text.ToString();
        })];
    }

    private static void Collect(CObject content, StringBuilder text)
    {
        switch (content)
        {
            case CString s:
                text.Append(s.Value).Append('\n');
                break;
            case COperator op:
                foreach (var operand in op.Operands)
                    Collect(operand, text);
                break;
            case CSequence sequence:
                foreach (var item in sequence)
                    Collect(item, text);
                break;
        }
    }

    [Fact]
    public async Task ThePdf_StartsAsAPdf_AndHoldsTheText_TheLocations_AndAMap()
    {
        var first = await SpotAsync((await OfficerAsync()).Arnhem, "Sonsbeekweg 12a", 0.0101);
        var second = await SpotAsync((await OfficerAsync()).Arnhem, "Apeldoornseweg 3", 0.0102);
        var id = await DraftAsync("Laadplekken Sonsbeek", TrafficOrderRoute.Direct, first, second);
        using var officer = await app.LogInAsAsync(DemoAccounts.Officer);

        var response = await officer.Http.GetAsync($"{Base}/{id}/publicatie.pdf?publicatiedatum=2026-04-13");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF", Encoding.ASCII.GetString(bytes, 0, 4));
        var pages = PdfPages(bytes);
        var text = string.Join("\n", pages).Replace('\n', ' ');   // a table cell wraps over lines
        Assert.Contains("Verkeersbesluit Laadplekken Sonsbeek", text);
        Assert.Contains("Apeldoornseweg ter hoogte van nr. 3", text);
        Assert.Contains("Sonsbeekweg ter hoogte van nr. 12a", text);
        Assert.Contains("tot en met 26 mei 2026", text);   // 13 April + 6 weeks is Whit Monday 25 May 2026
        Assert.Contains("Bijlage: kaart van de locaties", pages[^1]);
        Assert.Contains("N", pages[^1].Split('\n'));       // the north arrow
        Assert.Contains(pages[^1].Split('\n'), line => line.EndsWith(" m", StringComparison.Ordinal));   // the scale bar
    }

    [Fact]
    public async Task TheHtmlJsonAndPdf_HoldNoDataOfTheApplicant_EvenWhenTheSpotCameFromAnApplication()
    {
        var (_, arnhem) = await OfficerAsync();
        var spot = await SpotAsync(arnhem, "Zijpendaalseweg 7", 0.0201);
        var resident = await OfficerTestData.ResidentAsync(app, "henrieke.publicatie@example.test", "Henriëtte Privé-Aanvrager");
        var officerActor = await OfficerTestData.UserAsync(app, DemoAccounts.Officer, "", PortalRoles.Officer);
        var application = await OfficerTestData.SubmitAsync(app, resident, arnhem, "Sonsbeek", DateTime.UtcNow.AddDays(-3), houseNumber: 7, postcode: "6814AB", plate: "98-XYZ-7",
            prepare: a => a.Approve(officerActor, spot, "Goedgekeurd op de plek bij uw woning.", DateTime.UtcNow.AddDays(-1)));
        var id = await DraftAsync("Laadplek Zijpendaalseweg", TrafficOrderRoute.Direct, spot);
        using var officer = await app.LogInAsAsync(DemoAccounts.Officer);

        var html = await officer.Http.GetStringAsync($"{Base}/{id}/publicatie.html");
        var json = await officer.Http.GetStringAsync($"{Base}/{id}/publicatie.json");
        var pdf = string.Join("\n", PdfPages(await officer.Http.GetByteArrayAsync($"{Base}/{id}/publicatie.pdf")));

        Assert.Contains("Zijpendaalseweg ter hoogte van nr. 7", html);
        foreach (var published in new[] { html, json, pdf })
        {
            foreach (var personal in new[] { "Henri", "Aanvrager", "henrieke", "6814", "98-XYZ-7", "98XYZ7", application.Reference.ToString(), resident.UserId })
                Assert.DoesNotContain(personal, published, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task TheJson_CarriesThePublicationMetadata_WithTheLocationsAsValidGeoJson()
    {
        var (_, arnhem) = await OfficerAsync();
        var id = await DraftAsync("Laadplekken Klarendal", TrafficOrderRoute.Direct, await SpotAsync(arnhem, "Klarendalseweg 100", 0.0301), await SpotAsync(arnhem, "Hommelseweg 2", 0.0302));
        using var officer = await app.LogInAsAsync(DemoAccounts.Officer);

        var response = await officer.Http.GetAsync($"{Base}/{id}/publicatie.json?publicatiedatum=2026-04-13");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        using var json = JsonDocument.Parse(bytes);
        var root = json.RootElement;
        Assert.Equal("verkeersbesluit", root.GetProperty("type").GetString());
        Assert.Equal("Verkeersbesluit Laadplekken Klarendal", root.GetProperty("title").GetString());
        Assert.Equal("GM0202", root.GetProperty("municipality").GetProperty("code").GetString());
        Assert.Equal("Gemeenteblad", root.GetProperty("channel").GetString());
        Assert.Equal(("2026-04-13", true), (root.GetProperty("publicationDate").GetString(), root.GetProperty("publicationDatePlanned").GetBoolean()));
        Assert.Equal(("bezwaar", "2026-05-26"), (root.GetProperty("term").GetProperty("kind").GetString(), root.GetProperty("term").GetProperty("lastDay").GetString()));
        Assert.Equal((2, 4), (root.GetProperty("locationCount").GetInt32(), root.GetProperty("bays").GetInt32()));

        var locations = Encoding.UTF8.GetBytes(root.GetProperty("locations").GetRawText());
        var read = GeoJsonReader.Read(new MemoryStream(locations));
        Assert.Empty(read.Problems);
        Assert.Equal(["1", "2"], read.Features.Select(f => f.Id));
        Assert.All(read.Features, f => Assert.Equal("Point", f.Geometry.GeometryType));
        var hommelseweg = read.Features.Single(f => f.Properties["street"].GetString() == "Hommelseweg");
        Assert.Equal(OfficerTestData.ParkLatitude + 0.0302, hommelseweg.Geometry.Coordinate.Y, 6);
        Assert.Equal(("E04", "opladen van elektrische voertuigen"), (hommelseweg.Properties["rvvCode"].GetString(), hommelseweg.Properties["subSign"].GetString()));
    }

    [Fact]
    public async Task TheZip_HoldsThePdfHtmlAndJson()
    {
        var id = await DraftAsync("Laadplek Rijnkade", TrafficOrderRoute.PublicPreparation, await SpotAsync((await OfficerAsync()).Arnhem, "Rijnkade 5", 0.0401));
        using var officer = await app.LogInAsAsync(DemoAccounts.Officer);

        var response = await officer.Http.GetAsync($"{Base}/{id}/publicatie.zip");

        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync());
        var reference = await OfficerTestData.ReadAsync(app, db => db.TrafficOrders.Where(o => o.Id == id).Select(o => o.Reference).SingleAsync());
        Assert.Equal([$"{reference}-ontwerp-verkeersbesluit.html", $"{reference}-ontwerp-verkeersbesluit.json", $"{reference}-ontwerp-verkeersbesluit.pdf"],
            zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        using var reader = new StreamReader(zip.GetEntry($"{reference}-ontwerp-verkeersbesluit.html")!.Open());
        Assert.Contains("<h1>Ontwerp: Verkeersbesluit Laadplek Rijnkade</h1>", await reader.ReadToEndAsync());
    }

    [Fact]
    public async Task AnotherMunicipalitysOfficer_GetsNotFound_AResidentIsRefused_AndAnonymousIsSentToLogIn()
    {
        var id = await DraftAsync("Alleen Arnhem", TrafficOrderRoute.Direct, await SpotAsync((await OfficerAsync()).Arnhem, "Velperweg 20", 0.0501));
        var utrecht = await OfficerTestData.MunicipalityAsync(app, "GM0344", "Utrecht");
        await OfficerTestData.UserAsync(app, "ute@publication.test", "Ute Utrecht", PortalRoles.Officer, utrecht);
        await OfficerTestData.ResidentAsync(app, "rik@publication.test", "Rik Bewoner");
        using var other = await app.LogInAsAsync("ute@publication.test");
        using var resident = await app.LogInAsAsync("rik@publication.test");
        using var anonymous = app.CreateClient();
        string[] addresses =
        [
            $"{Base}/{id}/publicatie.pdf", $"{Base}/{id}/publicatie.html", $"{Base}/{id}/publicatie.json", $"{Base}/{id}/publicatie.zip",
            $"{Base}/{id}/borden.csv", $"{Base}/{id}/borden.geojson", $"{Base}/borden.csv?gemeente={await OfficerTestData.ArnhemAsync(app)}",
        ];

        foreach (var address in addresses)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync(address)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await resident.Http.GetAsync(address)).StatusCode);
            var refused = await anonymous.Http.GetAsync(address);
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.StartsWith("/account/inloggen", refused.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
        // Her own municipality's register holds none of Arnhem's signs.
        Assert.DoesNotContain("Velperweg", await other.Http.GetStringAsync($"{Base}/borden.csv"));
    }

    [Fact]
    public async Task AWrongPlannedDay_IsABadRequest()
    {
        var id = await DraftAsync("Datumfout", TrafficOrderRoute.Direct, await SpotAsync((await OfficerAsync()).Arnhem, "Datumstraat 1", 0.0601));
        using var officer = await app.LogInAsAsync(DemoAccounts.Officer);

        Assert.Equal(HttpStatusCode.BadRequest, (await officer.Http.GetAsync($"{Base}/{id}/publicatie.pdf?publicatiedatum=13-04-2026")).StatusCode);
    }

    [Fact]
    public async Task TheSignRegister_ListsEveryLocationsSigns_PlannedThenPlaced_PerOrderAndForTheMunicipality()
    {
        var (_, arnhem) = await OfficerAsync();
        var id = await DraftAsync("Borden Spijkerkwartier", TrafficOrderRoute.Direct, await SpotAsync(arnhem, "Spijkerstraat 10", 0.0701), await SpotAsync(arnhem, "Steenstraat 4", 0.0702));
        var withdrawn = await DraftAsync("Ingetrokken", TrafficOrderRoute.Direct, await SpotAsync(arnhem, "Intrekstraat 1", 0.0703));
        var (principal, _) = await OfficerAsync();
        Assert.True((await CallAsync<TrafficOrderService, TrafficOrderStep>(s => s.WithdrawAsync(principal, withdrawn, "Ander plan."))).Succeeded);
        await PublishAsync(id, Today.AddDays(-2));
        await OfficerTestData.ReadAsync(app, async db =>
        {
            var order = await db.TrafficOrders.Include(o => o.Locations).SingleAsync(o => o.Id == id);
            order.MarkSignsPlaced(order.Locations.Single(l => l.Street == "Steenstraat").SpotId, DateTime.UtcNow);
            return await db.SaveChangesAsync();
        });
        using var officer = await app.LogInAsAsync(DemoAccounts.Officer);

        var csv = Encoding.UTF8.GetString(await officer.Http.GetByteArrayAsync($"{Base}/{id}/borden.csv")).TrimStart('\uFEFF');
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("order_reference;order_status;number;spot_id;street;nearest_house_number;rd_x;rd_y;lat;lon;bays;rvv_code;sub_sign;time_window;max_parking_minutes;status", lines[0]);
        var rows = lines.Skip(1).Select(l => l.Split(';')).ToList();
        Assert.Equal([("Spijkerstraat", "10", "E04", "opladen van elektrische voertuigen", "PLANNED"), ("Steenstraat", "4", "E04", "opladen van elektrische voertuigen", "PLACED")],
            rows.Select(r => (r[4], r[5], r[11], r[12], r[15])).OrderBy(r => r.Item1, StringComparer.Ordinal));
        Assert.All(rows, r => Assert.Equal("Published", r[1]));

        var geoJson = GeoJsonReader.Read(new MemoryStream(await officer.Http.GetByteArrayAsync($"{Base}/{id}/borden.geojson")));
        Assert.Empty(geoJson.Problems);
        Assert.Equal(["PLACED", "PLANNED"], geoJson.Features.Select(f => f.Properties["status"].GetString()).Order(StringComparer.Ordinal));

        var municipality = Encoding.UTF8.GetString(await officer.Http.GetByteArrayAsync($"{Base}/borden.csv?gemeente={arnhem}"));
        Assert.Contains(";Spijkerstraat;", municipality);
        Assert.DoesNotContain("Intrekstraat", municipality);   // a withdrawn order reserves nothing
        var all = GeoJsonReader.Read(new MemoryStream(await officer.Http.GetByteArrayAsync($"{Base}/borden.geojson")));
        Assert.Empty(all.Problems);
        Assert.Contains(all.Features, f => f.Properties["street"].GetString() == "Steenstraat");
    }

    [Fact]
    public async Task APublishedOrder_KeepsTheTextItWasPublishedWith_WhileNewOrdersTakeTheNewTemplate()
    {
        var (principal, arnhem) = await OfficerAsync();
        var published = await DraftAsync("Vaste tekst", TrafficOrderRoute.Direct, await SpotAsync(arnhem, "Vastestraat 1", 0.0801));
        await PublishAsync(published, Today.AddDays(-1));
        var form = OrderTemplateForm.From(OrderTextTemplate.Default);
        form.Title = "Besluit laadplaatsen: {titel}";
        var saved = await CallAsync<OrderTemplates, OrderTemplateSave>(t => t.SaveAsync(principal, arnhem, form));
        Assert.True(saved.Saved);
        var later = await DraftAsync("Nieuwe tekst", TrafficOrderRoute.Direct, await SpotAsync(arnhem, "Nieuwestraat 1", 0.0802));
        using var officer = await app.LogInAsAsync(DemoAccounts.Officer);

        try
        {
            Assert.Contains("<h1>Verkeersbesluit Vaste tekst</h1>", await officer.Http.GetStringAsync($"{Base}/{published}/publicatie.html"));
            Assert.Contains("<h1>Besluit laadplaatsen: Nieuwe tekst</h1>", await officer.Http.GetStringAsync($"{Base}/{later}/publicatie.html"));
        }
        finally
        {
            // The other tests of this class expect the default text.
            Assert.True((await CallAsync<OrderTemplates, OrderTemplateSave>(t => t.SaveAsync(principal, arnhem, OrderTemplateForm.From(OrderTextTemplate.Default)))).Saved);
        }
    }

    [Fact]
    public async Task ATemplateWithAnUnknownPlaceholder_IsRefusedWithAClearMessage_AndNothingIsSaved()
    {
        var (principal, arnhem) = await OfficerAsync();
        var versions = await OfficerTestData.ReadAsync(app, db => db.OrderTemplateVersions.CountAsync(v => v.MunicipalityId == arnhem));
        var form = OrderTemplateForm.From(OrderTextTemplate.Default);
        form.Considerations = "dat {aanvrager} erom vroeg;";
        form.AppealClause = "Beroep kan binnen zes weken.";

        var result = await CallAsync<OrderTemplates, OrderTemplateSave>(t => t.SaveAsync(principal, arnhem, form));

        Assert.False(result.Saved);
        Assert.StartsWith("De plaatshouder {aanvrager} bestaat niet. Gebruik een van: {gemeente}, {kenmerk},", Assert.Single(result.Problems[OrderTemplatePart.Considerations]));
        Assert.Equal(["Deze clausule moet de berekende laatste dag noemen: neem {laatste_dag} op."], result.Problems[OrderTemplatePart.AppealClause]);
        Assert.Equal(versions, await OfficerTestData.ReadAsync(app, db => db.OrderTemplateVersions.CountAsync(v => v.MunicipalityId == arnhem)));
        var utrecht = await OfficerTestData.MunicipalityAsync(app, "GM0344", "Utrecht");
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => CallAsync<OrderTemplates, OrderTemplateSave>(t => t.SaveAsync(principal, utrecht, OrderTemplateForm.From(OrderTextTemplate.Default))));
    }

    [Fact]
    public async Task TheChosenInterests_AppearInTheText_AndAreFixedOnceTheOrderIsPublished()
    {
        var (principal, arnhem) = await OfficerAsync();
        var id = await DraftAsync("Belangen", TrafficOrderRoute.Direct, await SpotAsync(arnhem, "Belangstraat 3", 0.0901));

        Assert.Null(await CallAsync<OrderPublication, string?>(p => p.SaveChoicesAsync(principal, id, [RoadTrafficInterest.PreventingNuisance], "De straat kent veel zoekverkeer.")));
        using var officer = await app.LogInAsAsync(DemoAccounts.Officer);
        var html = await officer.Http.GetStringAsync($"{Base}/{id}/publicatie.html");
        Assert.Contains("<li>het voorkomen of beperken van door het verkeer veroorzaakte overlast, hinder of schade (artikel 2, tweede lid, onder a van de Wegenverkeerswet 1994);</li>", html);
        Assert.DoesNotContain("het verzekeren van de veiligheid op de weg", html);
        Assert.Contains("<p>De straat kent veel zoekverkeer.</p>", html);

        Assert.Equal("Kies ten minste één belang uit artikel 2 van de Wegenverkeerswet 1994 dat het besluit dient (artikel 21 BABW).",
            await CallAsync<OrderPublication, string?>(p => p.SaveChoicesAsync(principal, id, [], null)));
        await PublishAsync(id, Today);
        Assert.Equal("De tekst van een verkeersbesluit met status ‘Gepubliceerd’ ligt vast; een gepubliceerd besluit verandert alleen met een nieuw besluit.",
            await CallAsync<OrderPublication, string?>(p => p.SaveChoicesAsync(principal, id, [RoadTrafficInterest.RoadSafety], null)));
    }

    [Fact]
    public async Task TheTemplatePage_OpensForAnOfficer_NotForAResident_NorForAnotherMunicipality()
    {
        await OfficerTestData.ResidentAsync(app, "rik@publication.test", "Rik Bewoner");
        using var officer = await app.LogInAsAsync(DemoAccounts.Officer);
        using var resident = await app.LogInAsAsync("rik@publication.test");
        var utrecht = await OfficerTestData.MunicipalityAsync(app, "GM0344", "Utrecht");

        var (response, page) = await officer.GetPageAsync("/beheer/verkeersbesluiten/sjabloon");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Tekst van verkeersbesluiten", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("Arnhem", page.QuerySelector("[data-testid=template-municipality]")!.TextContent.Trim());
        Assert.Contains("{laatste_dag}", page.QuerySelector("[data-testid=placeholders]")!.TextContent);
        Assert.Contains("Verkeersbesluit Laadplaatsen voorbeeldwijk", page.QuerySelector("[data-testid=template-preview]")!.TextContent);
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.Http.GetAsync("/beheer/verkeersbesluiten/sjabloon")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.Http.GetAsync($"/beheer/verkeersbesluiten/sjabloon?gemeente={utrecht}")).StatusCode);
    }
}
