using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Portal.Integration.Ocpi.Pulling;

namespace Portal.Tests.Ocpi;

/// <summary>The official example Sessions, CDR and Tariffs, served by the fake CPO, stored field for field.</summary>
public sealed class StoringPulledExamplesTests(OcpiPullAppFactory app) : IClassFixture<OcpiPullAppFactory>
{
    private static readonly string[] TariffFiles =
        [.. Directory.GetFiles(OcpiExamples.Folder, "tariff_*.json").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];

    private static JsonObject Example(string file) => JsonNode.Parse(OcpiExamples.Text(file))!.AsObject();

    private static DateTime Utc(string text) => DateTime.SpecifyKind(DateTime.Parse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal), DateTimeKind.Utc);

    [Fact]
    public async Task Sessions_KeepWhatUsageReportsNeed_AndNoTokenDetails()
    {
        await using var cpo = await FakeCpo.StartAsync(partyId: "EX1");
        cpo.Add("sessions", Example("session_example_1_simple_start.json"));
        cpo.Add("sessions", Example("session_example_2_short_finished.json"));
        var connectionId = await app.ConnectAsync(cpo);

        var report = await app.PullAsync(connectionId, OcpiModule.Sessions, PullMode.Full);

        Assert.Equal(PullOutcome.Succeeded, report.Outcome);
        var sessions = await app.QueryAsync(db => db.OcpiSessions.AsNoTracking().Where(s => s.ConnectionId == connectionId).ToListAsync());
        Assert.Equal(2, sessions.Count);
        var finished = sessions.Single(s => s.CountryCode == "BE");
        var example = Example("session_example_2_short_finished.json");
        Assert.Equal(("BE", "BEC", "101", "BE*BEC*101"), (finished.CountryCode, finished.PartyId, finished.SessionId, finished.Key));
        Assert.Equal(Utc("2015-06-29T22:39:09Z"), finished.StartUtc);
        Assert.Equal(Utc("2015-06-29T23:50:16Z"), finished.EndUtc);
        Assert.Equal(41.12m, finished.Kwh);
        Assert.Equal(("LOC1", "3256", "1"), (finished.LocationId, finished.EvseUid, finished.ConnectorId));
        Assert.Equal(("EUR", "COMPLETED"), (finished.Currency, finished.Status));
        Assert.Equal((8.50m, 9.35m), (finished.TotalCostExclVat, finished.TotalCostInclVat));
        Assert.True(JsonNode.DeepEquals(example["charging_periods"], JsonNode.Parse(finished.ChargingPeriodsJson)));
        Assert.Equal(Utc("2015-06-29T23:50:17Z"), finished.LastUpdatedUtc);

        var started = sessions.Single(s => s.CountryCode == "NL");
        Assert.Equal(("STK", "PENDING", 0m, (DateTime?)null), (started.PartyId, started.Status, started.Kwh, started.EndUtc));
        Assert.Equal((2.5m, (decimal?)null), (started.TotalCostExclVat, started.TotalCostInclVat));
        Assert.Equal("[]", started.ChargingPeriodsJson);

        // The driver's token (uid, contract id) is not the portal's to keep.
        foreach (var session in sessions)
        {
            var texts = typeof(Integration.Ocpi.Pulling.OcpiSessionRecord).GetProperties().Where(p => p.PropertyType == typeof(string)).Select(p => (string?)p.GetValue(session) ?? "");
            Assert.DoesNotContain(texts, t => t.Contains("123abc", StringComparison.Ordinal) || t.Contains("NL-TST-C12345678-S", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Cdr_IsStoredFieldForField_WithoutItsToken()
    {
        await using var cpo = await FakeCpo.StartAsync(partyId: "EX2");
        var example = Example("cdr_example.json");
        cpo.Add("cdrs", example);
        var connectionId = await app.ConnectAsync(cpo);

        var report = await app.PullAsync(connectionId, OcpiModule.Cdrs);

        Assert.Equal(PullOutcome.Succeeded, report.Outcome);
        var cdr = await app.QueryAsync(db => db.OcpiCdrs.AsNoTracking().SingleAsync(c => c.ConnectionId == connectionId));
        Assert.Equal(("BE", "BEC", "12345", "BE*BEC*12345"), (cdr.CountryCode, cdr.PartyId, cdr.CdrId, cdr.Key));
        Assert.Equal((Utc("2015-06-29T21:39:09Z"), Utc("2015-06-29T23:37:32Z")), (cdr.StartUtc, cdr.EndUtc));
        Assert.Equal(("LOC1", "3256", "BE*BEC*E041503003", "1"), (cdr.LocationId, cdr.EvseUid, cdr.EvseId, cdr.ConnectorId));
        Assert.Equal(("EUR", 15.342m, (decimal?)1.973m), (cdr.Currency, cdr.TotalEnergyKwh, cdr.TotalTimeHours));
        Assert.Equal(((decimal?)4.00m, (decimal?)4.40m), (cdr.TotalCostExclVat, cdr.TotalCostInclVat));
        Assert.Equal((false, (string?)null, (string?)null), (cdr.Credit, cdr.CreditReferenceId, cdr.SessionId));
        Assert.True(JsonNode.DeepEquals(example["charging_periods"], JsonNode.Parse(cdr.ChargingPeriodsJson)));
        Assert.Equal(Utc("2015-06-29T22:01:13Z"), cdr.LastUpdatedUtc);
        var texts = typeof(Integration.Ocpi.Pulling.OcpiCdrRecord).GetProperties().Where(p => p.PropertyType == typeof(string)).Select(p => (string?)p.GetValue(cdr) ?? "");
        Assert.DoesNotContain(texts, t => t.Contains("012345678", StringComparison.Ordinal) || t.Contains("DE8ACC12E46L89", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Tariffs_AreKeptPerVersion_WithTheirRawObject()
    {
        await using var cpo = await FakeCpo.StartAsync(partyId: "EX3");
        foreach (var file in TariffFiles)
            cpo.Add("tariffs", Example(file));
        var connectionId = await app.ConnectAsync(cpo);

        var report = await app.PullAsync(connectionId, OcpiModule.Tariffs, PullMode.Full);
        var again = await app.PullAsync(connectionId, OcpiModule.Tariffs, PullMode.Full);

        Assert.True(report.Outcome == PullOutcome.Succeeded, report.Message);
        Assert.True(again.Outcome == PullOutcome.Succeeded, again.Message);
        var stored = await app.QueryAsync(db => db.OcpiTariffVersions.AsNoTracking().Where(t => t.ConnectionId == connectionId).ToListAsync());
        // Every distinct (id, last_updated) once. The examples reuse ids: tariffs 15–18 all say id 20 with
        // one last_updated (one version, the first served), and tariff_put_example has no last_updated.
        var expected = TariffFiles.Select(Example).Where(t => t["last_updated"] is not null)
            .GroupBy(t => (t["id"]!.GetValue<string>(), t["last_updated"]!.GetValue<string>())).Select(g => g.First()).ToList();
        Assert.Equal(expected.Count, stored.Count);
        foreach (var tariff in expected)
        {
            var row = stored.Single(s => s.TariffId == tariff["id"]!.GetValue<string>() && s.LastUpdatedUtc == Utc(tariff["last_updated"]!.GetValue<string>()));
            Assert.True(JsonNode.DeepEquals(tariff, JsonNode.Parse(row.RawJson)), row.TariffId);
            Assert.Equal(("DE", "ALL", "EUR"), (row.CountryCode, row.PartyId, row.Currency));
        }
        Assert.Equal(2, stored.Count(s => s.TariffId == "16"));
        Assert.Contains("last_updated are required", report.Message, StringComparison.Ordinal);
    }
}
