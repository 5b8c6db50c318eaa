using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Contracts;
using Portal.Integration.Ocpi;
using Portal.Integration.Ocpi.Pulling;
using Portal.Tests.Contracts.Evidence;
using Portal.Tests.Infrastructure;
using Portal.Tests.Ocpi;

namespace Portal.Tests.ChargePoints;

/// <summary>The public charge point page over HTTP shows the tariff the CPO publishes over OCPI, and nothing of a contract.</summary>
public sealed class ShowingTheTariffTests(EvidenceAppFactory app) : IClassFixture<EvidenceAppFactory>
{
    private static JsonObject Tariff(string partyId, decimal perKwh, DateTime lastUpdated) => new()
    {
        ["country_code"] = "NL",
        ["party_id"] = partyId,
        ["id"] = "AC-STANDARD",
        ["currency"] = "EUR",
        ["type"] = "REGULAR",
        ["tariff_alt_text"] = new JsonArray(
            new JsonObject { ["language"] = "nl", ["text"] = "Laden per kWh, overdag een vergoeding voor stilstaan." },
            new JsonObject { ["language"] = "en", ["text"] = "Charging per kWh, by day a fee for standing still." }),
        ["elements"] = new JsonArray(
            new JsonObject
            {
                ["price_components"] = new JsonArray(
                    new JsonObject { ["type"] = "ENERGY", ["price"] = perKwh, ["vat"] = 21, ["step_size"] = 1 },
                    new JsonObject { ["type"] = "FLAT", ["price"] = 0.25m, ["vat"] = 21, ["step_size"] = 1 }),
            },
            new JsonObject
            {
                ["price_components"] = new JsonArray(new JsonObject { ["type"] = "PARKING_TIME", ["price"] = 2.40m, ["vat"] = 21, ["step_size"] = 300 }),
                ["restrictions"] = new JsonObject { ["start_time"] = "07:00", ["end_time"] = "21:00" },
            }),
        ["last_updated"] = OcpiJson.FormatDateTime(lastUpdated),
    };

    [Fact]
    public async Task ThePublicPage_ShowsTheLatestPulledTariff_WithVat_AndNothingOfTheOperatorsContract()
    {
        var operatorId = await app.RegisterOperatorAsync("Publiek Tarief Laden", "NL*TP1");
        await using var cpo = await FakeCpo.StartAsync(partyId: "TP1");
        var now = app.Clock.GetUtcNow().UtcDateTime;
        // The Arnhem location's connectors name the tariff AC-STANDARD.
        cpo.Add("locations", OcpiPullAppFactory.Location(cpo, "TP1-LOC", now.AddHours(-2), evses: 2));
        cpo.Add("tariffs", Tariff("TP1", 0.40m, now.AddHours(-2)));
        var connectionId = await app.ConnectAsync(cpo, "Publiek-CPO");
        Assert.Equal(PullOutcome.Succeeded, (await app.PullAsync(connectionId, OcpiModule.Locations, PullMode.Full)).Outcome);
        Assert.Equal(PullOutcome.Succeeded, (await app.PullAsync(connectionId, OcpiModule.Tariffs, PullMode.Full)).Outcome);
        cpo.Replace("tariffs", t => t["id"]!.GetValue<string>() == "AC-STANDARD", Tariff("TP1", 0.30m, now.AddHours(-1)));
        Assert.Equal(PullOutcome.Succeeded, (await app.PullAsync(connectionId, OcpiModule.Tariffs, PullMode.Full)).Outcome);
        // The operator's concession caps the price per kWh at € 0.45 incl. VAT; the page says nothing of it.
        await app.SignedContractAsync("CONCESSIE-TARIEF-77", operatorId, new TariffCaps { MaxPerKwh = 0.45m, MaxStartFee = 0.95m, IncludeVat = true });
        var locationId = await app.QueryAsync(db => db.ChargeLocations.Where(l => l.OcpiLocationId == "TP1-LOC").Select(l => l.Id).SingleAsync());

        using var visitor = app.CreateClient();
        var (response, page) = await visitor.GetPageAsync($"/laadpunten/{locationId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var tariff = Assert.Single(page.QuerySelectorAll("[data-testid=tariff]"));
        Assert.Equal("Tarief AC-STANDARD", tariff.QuerySelector("h3")!.TextContent.Trim());
        Assert.Equal("Laden per kWh, overdag een vergoeding voor stilstaan.", tariff.QuerySelector("[data-testid=tariff-text]")!.TextContent.Trim());
        Assert.Equal("EUR", tariff.QuerySelector("[data-testid=tariff-currency]")!.TextContent.Trim());
        Assert.Contains("NL*TP1*ETP1LOC1, NL*TP1*ETP1LOC2", tariff.TextContent, StringComparison.Ordinal);
        var rows = tariff.QuerySelectorAll("[data-testid=tariff-price]")
            .Select(r => string.Join(" | ", r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()))).ToList();
        // The latest version (0.30, not 0.40) as published, excl. VAT, and with 21 % VAT: 0.30 × 1.21 = 0.363;
        // 0.25 × 1.21 = 0.3025; 2.40 × 1.21 = 2.904 per hour of standing still between 07:00 and 21:00.
        Assert.Equal(
        [
            "Energie, per kWh | € 0,30 | 21 % | € 0,363 | Altijd",
            "Starttarief, per laadsessie | € 0,25 | 21 % | € 0,3025 | Altijd",
            "Stilstaan zonder te laden (idle), per uur | € 2,40 | 21 % | € 2,904 | van 07:00 tot 21:00",
        ], rows);
        var html = page.DocumentElement.OuterHtml;
        Assert.DoesNotContain("CONCESSIE-TARIEF-77", html, StringComparison.Ordinal);
        Assert.DoesNotContain("0,45", html, StringComparison.Ordinal);
        Assert.DoesNotContain("0,95", html, StringComparison.Ordinal);
        Assert.DoesNotContain("contract", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("concessie", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ALocationWhoseTariffWasNotPulled_SaysNoTariffIsKnown()
    {
        await app.RegisterOperatorAsync("Zonder Tarief Laden", "NL*TP2");
        await using var cpo = await FakeCpo.StartAsync(partyId: "TP2");
        // Its connectors name AC-STANDARD, but the CPO publishes no tariffs.
        cpo.Add("locations", OcpiPullAppFactory.Location(cpo, "TP2-LOC", app.Clock.GetUtcNow().UtcDateTime.AddHours(-1), evses: 1));
        var connectionId = await app.ConnectAsync(cpo, "Zonder-tarief-CPO");
        Assert.Equal(PullOutcome.Succeeded, (await app.PullAsync(connectionId, OcpiModule.Locations, PullMode.Full)).Outcome);
        Assert.Equal(PullOutcome.Succeeded, (await app.PullAsync(connectionId, OcpiModule.Tariffs, PullMode.Full)).Outcome);
        var locationId = await app.QueryAsync(db => db.ChargeLocations.Where(l => l.OcpiLocationId == "TP2-LOC").Select(l => l.Id).SingleAsync());

        using var visitor = app.CreateClient();
        var (response, page) = await visitor.GetPageAsync($"/laadpunten/{locationId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Er is geen tarief bekend voor deze laadpunten.", page.QuerySelector("[data-testid=no-tariff]")!.TextContent.Trim());
        Assert.Empty(page.QuerySelectorAll("[data-testid=tariff]"));
    }
}
