using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Integration.Ocpi;

namespace Portal.Benchmarks;

/// <summary>
/// A CPO on 127.0.0.1 for the pull benchmark: versions, version details, the credentials POST and a
/// paginated Locations sender interface over synthetic locations (one EVSE each, in and around Arnhem).
/// Each location is serialised once up front, so the server spends little of the shared CPU.
/// (The test project has a fuller fake with fault modes; tests and benchmarks are separate projects.)
/// </summary>
internal sealed class BenchmarkCpo : IAsyncDisposable
{
    public const string TokenA = "benchmark-token-a";
    public const string TokenC = "benchmark-token-c";

    private readonly WebApplication _app;
    private readonly byte[][] _locations;

    private BenchmarkCpo(WebApplication app, byte[][] locations)
    {
        _app = app;
        _locations = locations;
    }

    public string BaseUrl { get; private set; } = "";
    public string VersionsUrl => $"{BaseUrl}/versions";
    public int MaxLimit { get; init; } = 1000;
    public long BytesServed;

    public static async Task<BenchmarkCpo> StartAsync(int locations)
    {
        // Not Production: the portal's appsettings.Production.json is copied next to these binaries, and its
        // AllowedHosts would refuse requests to 127.0.0.1.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var cpo = new BenchmarkCpo(app, [.. Enumerable.Range(0, locations).Select(i => Encoding.UTF8.GetBytes(Location(i).ToJsonString()))]);
        cpo.Map(app);
        await app.StartAsync();
        cpo.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return cpo;
    }

    /// <summary>A page of the list as the CPO sends it: the envelope around <paramref name="count"/> locations.</summary>
    public byte[] Page(int offset, int count)
    {
        using var body = new MemoryStream();
        Write(body, offset, count);
        return body.ToArray();
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
            ["party_id"] = "BEN",
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

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private void Map(WebApplication app)
    {
        app.MapGet("/versions", (HttpContext http) => Refused(http, true) ?? Ok($"[{{\"version\":\"2.2.1\",\"url\":\"{BaseUrl}/2.2.1\"}}]"));
        app.MapGet("/2.2.1", (HttpContext http) => Refused(http, true) ?? Ok(
            $"{{\"version\":\"2.2.1\",\"endpoints\":[{{\"identifier\":\"credentials\",\"role\":\"SENDER\",\"url\":\"{BaseUrl}/2.2.1/credentials\"}},"
            + $"{{\"identifier\":\"locations\",\"role\":\"SENDER\",\"url\":\"{BaseUrl}/2.2.1/locations\"}}]}}"));
        app.MapPost("/2.2.1/credentials", (HttpContext http) => Refused(http, true) ?? Ok(
            $"{{\"token\":\"{TokenC}\",\"url\":\"{VersionsUrl}\",\"roles\":[{{\"role\":\"CPO\",\"business_details\":{{\"name\":\"Benchmark\"}},\"party_id\":\"BEN\",\"country_code\":\"NL\"}}]}}"));
        app.MapGet("/2.2.1/locations", async (HttpContext http) =>
        {
            if (Refused(http, false) is not null)
            {
                http.Response.StatusCode = 401;
                return;
            }
            var offset = int.TryParse(http.Request.Query["offset"], CultureInfo.InvariantCulture, out var o) ? o : 0;
            var limit = Math.Min(int.TryParse(http.Request.Query["limit"], CultureInfo.InvariantCulture, out var l) ? l : MaxLimit, MaxLimit);
            var count = Math.Max(0, Math.Min(limit, _locations.Length - offset));
            http.Response.Headers["X-Total-Count"] = _locations.Length.ToString(CultureInfo.InvariantCulture);
            http.Response.Headers["X-Limit"] = MaxLimit.ToString(CultureInfo.InvariantCulture);
            if (offset + count < _locations.Length)
                http.Response.Headers.Link = $"<{BaseUrl}/2.2.1/locations?offset={offset + count}&limit={limit}>; rel=\"next\"";
            http.Response.ContentType = "application/json";
            var body = Page(offset, count);
            Interlocked.Add(ref BytesServed, body.Length);
            await http.Response.Body.WriteAsync(body);
        });
    }

    private void Write(Stream body, int offset, int count)
    {
        body.Write("{\"status_code\":1000,\"timestamp\":\"2026-03-01T00:00:00Z\",\"data\":["u8);
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
                body.WriteByte((byte)',');
            body.Write(_locations[offset + i]);
        }
        body.Write("]}"u8);
    }

    private static IResult? Refused(HttpContext http, bool allowTokenA)
    {
        var header = http.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Token ", StringComparison.Ordinal) ? Encoding.UTF8.GetString(Convert.FromBase64String(header[6..])) : "";
        return token == TokenC || (allowTokenA && token == TokenA) ? null : Results.StatusCode(401);
    }

    private static IResult Ok(string data) =>
        Results.Text($"{{\"status_code\":1000,\"timestamp\":\"2026-03-01T00:00:00Z\",\"data\":{data}}}", "application/json", Encoding.UTF8);
}
