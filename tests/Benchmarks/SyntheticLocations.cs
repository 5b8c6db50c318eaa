using System.Globalization;
using System.Text.Json.Nodes;
using Portal.Integration.Ocpi;

namespace Portal.Benchmarks;

/// <summary>What the OCPI benchmarks have the fake CPO serve: synthetic locations of party NL*BEN, in and around Arnhem.</summary>
internal static class SyntheticLocations
{
    public const string PartyId = "BEN";

    /// <summary>A fake CPO serving <paramref name="count"/> locations, without the request log the tests read.</summary>
    public static async Task<FakeCpo> ServedAsync(int count)
    {
        var cpo = await FakeCpo.StartAsync(partyId: PartyId, recordRequests: false);
        cpo.AddRange("locations", Enumerable.Range(0, count).Select(Location));
        return cpo;
    }

    /// <summary>One synthetic location with one EVSE and one connector, spread over a box around Arnhem.</summary>
    public static JsonObject Location(int i)
    {
        var stamp = OcpiJson.FormatDateTime(new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc).AddSeconds(i));
        var latitude = (51.95 + (i % 250 * 0.0003)).ToString("0.000000", CultureInfo.InvariantCulture);
        var longitude = (5.85 + (i / 250 % 200 * 0.0005)).ToString("0.000000", CultureInfo.InvariantCulture);
        return new JsonObject
        {
            ["country_code"] = "NL",
            ["party_id"] = PartyId,
            ["id"] = $"BEN-{i:000000}",
            ["publish"] = true,
            ["name"] = $"Laadpunt {i}",
            ["address"] = $"Benchmarkstraat {i}",
            ["city"] = "Arnhem",
            ["postal_code"] = "6811 AA",
            ["country"] = "NLD",
            ["coordinates"] = new JsonObject { ["latitude"] = latitude, ["longitude"] = longitude },
            ["parking_type"] = "ON_STREET",
            ["evses"] = new JsonArray(new JsonObject
            {
                ["uid"] = $"BEN-{i:000000}-1",
                ["evse_id"] = $"NL*BEN*E{i:000000}1",
                ["status"] = (i % 5) switch { 0 => "CHARGING", 1 => "OUTOFORDER", _ => "AVAILABLE" },
                ["capabilities"] = new JsonArray("RFID_READER", "REMOTE_START_STOP_CAPABLE"),
                ["connectors"] = new JsonArray(new JsonObject
                {
                    ["id"] = "1",
                    ["standard"] = "IEC_62196_T2",
                    ["format"] = "SOCKET",
                    ["power_type"] = "AC_3_PHASE",
                    ["max_voltage"] = 230,
                    ["max_amperage"] = 16,
                    ["max_electric_power"] = 11000,
                    ["tariff_ids"] = new JsonArray("T-1"),
                    ["last_updated"] = stamp,
                }),
                ["physical_reference"] = $"{i % 1000}",
                ["last_updated"] = stamp,
            }),
            ["operator"] = new JsonObject { ["name"] = "Benchmark Laden" },
            ["time_zone"] = "Europe/Amsterdam",
            ["opening_times"] = new JsonObject { ["twentyfourseven"] = true },
            ["last_updated"] = stamp,
        };
    }
}
