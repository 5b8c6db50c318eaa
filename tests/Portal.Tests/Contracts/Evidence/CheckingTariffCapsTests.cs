using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Common;
using Portal.Domain.Contracts;
using Portal.Domain.Contracts.Evidence;
using Portal.Integration.Contracts.TariffCaps;
using Portal.Integration.Ocpi;
using Portal.Integration.Ocpi.Pulling;
using Portal.Tests.Infrastructure;
using Portal.Tests.Ocpi;

namespace Portal.Tests.Contracts.Evidence;

/// <summary>Tariffs pulled from a fake CPO checked against the caps of the contract in force, over the real portal.</summary>
public sealed class CheckingTariffCapsTests(EvidenceAppFactory app) : IClassFixture<EvidenceAppFactory>
{
    private static JsonObject Tariff(string partyId, string id, decimal perKwh, DateTime lastUpdated) => new()
    {
        ["country_code"] = "NL",
        ["party_id"] = partyId,
        ["id"] = id,
        ["currency"] = "EUR",
        ["elements"] = new JsonArray(new JsonObject
        {
            ["price_components"] = new JsonArray(new JsonObject { ["type"] = "ENERGY", ["price"] = perKwh, ["vat"] = 21, ["step_size"] = 1 }),
        }),
        ["last_updated"] = OcpiJson.FormatDateTime(lastUpdated),
    };

    private async Task<int> CheckAsync()
    {
        await using var scope = app.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TariffCapChecker>().RunAsync();
    }

    [Fact]
    public async Task ATariffAboveTheCap_OnACoveredEvse_BecomesOneFinding_UntilTheTariffChanges()
    {
        var operatorId = await app.RegisterOperatorAsync("Tarief Laadbedrijf", "NL*TC1");
        await using var cpo = await FakeCpo.StartAsync(partyId: "TC1");
        var now = app.Clock.GetUtcNow().UtcDateTime;
        // The Arnhem location's connectors name the tariff AC-STANDARD.
        cpo.Add("locations", OcpiPullAppFactory.Location(cpo, "TC1-LOC", now.AddHours(-2), evses: 2));
        cpo.Add("tariffs", Tariff("TC1", "AC-STANDARD", 0.50m, now.AddHours(-1)));
        var connectionId = await app.ConnectAsync(cpo, "Tarief-CPO");
        Assert.Equal(PullOutcome.Succeeded, (await app.PullAsync(connectionId, OcpiModule.Locations, PullMode.Full)).Outcome);
        Assert.Equal(PullOutcome.Succeeded, (await app.PullAsync(connectionId, OcpiModule.Tariffs, PullMode.Full)).Outcome);
        var (id, _) = await app.SignedContractAsync("TARIEF-1", operatorId, new TariffCaps { MaxPerKwh = 0.45m, MaxStartFee = 1.00m, IncludeVat = true });

        Assert.Equal(1, await CheckAsync());
        Assert.Equal(0, await CheckAsync());

        var finding = Assert.Single(await app.QueryAsync(db => db.Set<ContractFinding>().AsNoTracking().Where(f => f.ContractId == id).ToListAsync()));
        // 0.50 excl. VAT × 1.21 = 0.605 → € 0.61 a driver pays, above the cap of € 0.45 incl. VAT. No start fee: nothing to compare.
        Assert.Equal((ContractFindingKind.TariffAboveCap, "AC-STANDARD", (TariffComponent?)TariffComponent.Energy, (decimal?)0.61m, (decimal?)0.45m, (bool?)true),
            (finding.Kind, finding.TariffId, finding.Component, finding.Price, finding.Cap, finding.CapIncludesVat));
        Assert.Equal(DutchCalendar.Day(app.Clock.GetUtcNow().UtcDateTime), finding.SeenOn);
        Assert.Equal("TC1-LOC/TC1-LOC-E1, TC1-LOC/TC1-LOC-E2", finding.Evses);
        Assert.Equal(1, finding.VersionNumber);

        // A new version of the tariff, still too dear, is a new finding; one under the cap is none.
        cpo.Replace("tariffs", t => t["id"]!.GetValue<string>() == "AC-STANDARD", Tariff("TC1", "AC-STANDARD", 0.40m, now.AddMinutes(-30)));
        Assert.Equal(PullOutcome.Succeeded, (await app.PullAsync(connectionId, OcpiModule.Tariffs, PullMode.Full)).Outcome);
        Assert.Equal(1, await CheckAsync());
        cpo.Replace("tariffs", t => t["id"]!.GetValue<string>() == "AC-STANDARD", Tariff("TC1", "AC-STANDARD", 0.37m, now.AddMinutes(-10)));
        Assert.Equal(PullOutcome.Succeeded, (await app.PullAsync(connectionId, OcpiModule.Tariffs, PullMode.Full)).Outcome);
        // 0.37 × 1.21 = 0.4477 → € 0.45: at the cap, not above.
        Assert.Equal(0, await CheckAsync());
        Assert.Equal([0.61m, 0.48m], await app.QueryAsync(db => db.Set<ContractFinding>().Where(f => f.ContractId == id).OrderBy(f => f.Id).Select(f => f.Price!.Value).ToListAsync()));
    }
}
