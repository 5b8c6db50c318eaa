using System.Buffers;
using System.Collections.Concurrent;
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

namespace Portal.Tests.Support;

/// <summary>
/// A CPO that speaks OCPI 2.2.1 over real HTTP on 127.0.0.1: versions and version details (module URLs
/// deliberately unlike the portal's, so nothing can be hard-coded), credentials in both directions,
/// and paginated sender GETs for locations, sessions, CDRs and tariffs, with fault modes; when
/// <see cref="OffersChargingProfiles"/> is set, also a chargingprofiles receiver (see FakeCpo.ChargingProfiles.cs).
/// Objects are serialised once when added and pages are written from those bytes, so the same CPO serves the
/// tests and the benchmarks' 50,000 locations without spending much of the CPU or the heap it shares with them.
/// </summary>
public sealed partial class FakeCpo : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly bool _recordRequests;
    private readonly ConcurrentQueue<Fault> _listFaults = new();
    private readonly object _gate = new();
    private readonly Dictionary<string, List<Listed>> _data = new()
    {
        ["locations"] = [], ["sessions"] = [], ["cdrs"] = [], ["tariffs"] = [],
    };
    private int _listRequests;

    private FakeCpo(WebApplication app, string countryCode, string partyId, bool recordRequests)
    {
        _app = app;
        CountryCode = countryCode;
        PartyId = partyId;
        _recordRequests = recordRequests;
    }

    public string CountryCode { get; }
    public string PartyId { get; }
    public string BaseUrl { get; private set; } = "";
    public string VersionsUrl => $"{BaseUrl}/cpo/versions";
    public string TokenA { get; } = "fake-cpo-token-a-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>The token the portal must call us with after registration (our TOKEN_C).</summary>
    public string? TokenForPortal { get; private set; }

    /// <summary>The token the portal gave us to call it with, and its versions URL.</summary>
    public string? PortalToken { get; private set; }
    public string? PortalVersionsUrl { get; private set; }
    public bool Unregistered { get; private set; }

    /// <summary>The server's page size maximum (X-Limit); smaller than what the portal asks for when set low.</summary>
    public int MaxLimit { get; set; } = 1000;

    /// <summary>Every list request from this offset on answers 500 (an outage in the middle of a pull).</summary>
    public int? FailFromOffset { get; set; }

    /// <summary>Every request answers 401 (our token for the portal was revoked on our side).</summary>
    public bool RefuseAll { get; set; }

    /// <summary>Called before a list request is answered: (number of the list request, module, offset).</summary>
    public Action<int, string, int>? BeforeList { get; set; }

    /// <summary>Every request received (empty when started with recordRequests: false).</summary>
    public ConcurrentQueue<Recorded> Requests { get; } = new();

    public IEnumerable<Recorded> ListRequests(string module) => Requests.Where(r => r.Path.EndsWith($"/sender/{Segment(module)}", StringComparison.Ordinal));

    /// <summary>Starts on a free loopback port; with <paramref name="recordRequests"/> false (the benchmarks) nothing goes into <see cref="Requests"/>.</summary>
    public static async Task<FakeCpo> StartAsync(string countryCode = "NL", string partyId = "FKE", bool recordRequests = true)
    {
        // Not Production: the portal's appsettings.Production.json is copied next to these binaries, and its
        // AllowedHosts would refuse requests to 127.0.0.1.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var cpo = new FakeCpo(app, countryCode, partyId, recordRequests);
        cpo.Map(app);
        await app.StartAsync();
        cpo.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return cpo;
    }

    /// <summary>Lists the object as it is now (later changes to it are not served: use <see cref="Replace"/>).</summary>
    public void Add(string module, JsonObject item)
    {
        var listed = Listed.Of(item);
        lock (_gate)
            _data[module].Add(listed);
    }

    public void AddRange(string module, IEnumerable<JsonObject> items)
    {
        var listed = items.Select(Listed.Of).ToList();
        lock (_gate)
            _data[module].AddRange(listed);
    }

    public void Replace(string module, Func<JsonObject, bool> match, JsonObject item)
    {
        var listed = Listed.Of(item);
        lock (_gate)
        {
            var list = _data[module];
            var index = list.FindIndex(o => match(o.Parse()));
            if (index >= 0)
                list.RemoveAt(index);
            list.Add(listed);
        }
    }

    public void Remove(string module, Func<JsonObject, bool> match)
    {
        lock (_gate)
            _data[module].RemoveAll(o => match(o.Parse()));
    }

    /// <summary>A page of a module's list as this CPO sends it: the envelope around up to <paramref name="count"/> objects.</summary>
    public byte[] Page(string module, int offset, int count)
    {
        var body = new ArrayBufferWriter<byte>();
        List<Listed> page;
        lock (_gate)
            page = Slice(_data[module], offset, count);
        WritePage(body, page);
        return body.WrittenSpan.ToArray();
    }

    /// <summary>The next list requests fail this way, one fault per request.</summary>
    public void FailNextLists(params Fault[] faults)
    {
        foreach (var fault in faults)
            _listFaults.Enqueue(fault);
    }

    /// <summary>For the direction where the CPO registered with the portal: the token the portal calls us with.</summary>
    public void AcceptPortalToken(string token) => TokenForPortal = token;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static string Segment(string module) => module switch
    {
        "locations" => "locs",
        "sessions" => "sess",
        "cdrs" => "charge-records",
        "tariffs" => "prices",
        _ => module,
    };

    private void Map(WebApplication app)
    {
        app.Use(async (http, next) =>
        {
            if (_recordRequests)
                Requests.Enqueue(new Recorded(DateTimeOffset.UtcNow, http.Request.Method, http.Request.Path.Value ?? "", http.Request.QueryString.Value ?? "",
                    http.Request.Headers["X-Request-ID"].ToString(), http.Request.Headers["X-Correlation-ID"].ToString(), http.Request.Headers.Authorization.ToString()));
            http.Response.Headers["X-Request-ID"] = http.Request.Headers["X-Request-ID"].ToString();
            await next(http);
        });
        app.MapGet("/cpo/versions", (HttpContext http) => Authorised(http, allowTokenA: true) ?? Ok(new JsonArray(
            new JsonObject { ["version"] = "2.1.1", ["url"] = $"{BaseUrl}/cpo/211" },
            new JsonObject { ["version"] = "2.2.1", ["url"] = $"{BaseUrl}/cpo/v221" })));
        app.MapGet("/cpo/v221", (HttpContext http) => Authorised(http, allowTokenA: true) ?? Ok(new JsonObject
        {
            ["version"] = "2.2.1",
            ["endpoints"] = Endpoints(),
        }));
        app.MapGet("/cpo/v221/creds", (HttpContext http) => Authorised(http, allowTokenA: true) ?? Ok(Credentials(TokenOf(http)!)));
        app.MapPost("/cpo/v221/creds", async (HttpContext http) =>
        {
            if (Authorised(http, allowTokenA: true) is { } refused)
                return refused;
            if (TokenOf(http) != TokenA)
                return Envelope(405, 2000, null, "already registered");
            await ReadPortalCredentialsAsync(http);
            TokenForPortal = "fake-cpo-token-c-" + Guid.NewGuid().ToString("N");
            return Ok(Credentials(TokenForPortal));
        });
        app.MapPut("/cpo/v221/creds", async (HttpContext http) =>
        {
            if (Authorised(http, allowTokenA: false) is { } refused)
                return refused;
            await ReadPortalCredentialsAsync(http);
            TokenForPortal = "fake-cpo-token-c-" + Guid.NewGuid().ToString("N");
            return Ok(Credentials(TokenForPortal));
        });
        app.MapDelete("/cpo/v221/creds", (HttpContext http) =>
        {
            if (Authorised(http, allowTokenA: false) is { } refused)
                return refused;
            Unregistered = true;
            TokenForPortal = null;
            return Envelope(200, 1000, null, null);
        });
        MapChargingProfiles(app);
        foreach (var module in _data.Keys)
            app.MapGet($"/cpo/v221/sender/{Segment(module)}", (Delegate)((HttpContext http) => ListAsync(http, module)));
    }

    private async Task<IResult> ListAsync(HttpContext http, string module)
    {
        if (Authorised(http, allowTokenA: false) is { } refused)
            return refused;
        var number = Interlocked.Increment(ref _listRequests);
        var query = http.Request.Query;
        var offset = int.TryParse(query["offset"], CultureInfo.InvariantCulture, out var o) ? o : 0;
        BeforeList?.Invoke(number, module, offset);
        if (_listFaults.TryDequeue(out var fault))
        {
            if (fault.Delay is { } delay)
            {
                try
                {
                    await Task.Delay(delay, http.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    return Results.Empty;   // the portal gave up waiting
                }
            }
            if (fault.Status is { } status)
            {
                if (fault.RetryAfterSeconds is { } seconds)
                    http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                return Envelope(status, 3000, null, "fault");
            }
        }
        if (offset >= FailFromOffset)
            return Envelope(500, 3000, null, "outage");

        var limit = Math.Min(int.TryParse(query["limit"], CultureInfo.InvariantCulture, out var l) ? l : MaxLimit, MaxLimit);
        DateTime? from = OcpiJson.TryParseDateTime(query["date_from"], out var f) ? f : null;
        DateTime? to = OcpiJson.TryParseDateTime(query["date_to"], out var t) ? t : null;
        List<Listed> page;
        int total;
        lock (_gate)
        {
            var list = _data[module];
            if (from is null && to is null)
            {
                total = list.Count;
                page = Slice(list, offset, limit);
            }
            else
            {
                // An object without last_updated (a broken one, to test refusals) is listed only unfiltered.
                var matching = list.Where(item => item.LastUpdated is { } updated && (from is null || updated >= from) && (to is null || updated < to)).ToList();
                total = matching.Count;
                page = Slice(matching, offset, limit);
            }
        }
        http.Response.Headers["X-Total-Count"] = total.ToString(CultureInfo.InvariantCulture);
        http.Response.Headers["X-Limit"] = MaxLimit.ToString(CultureInfo.InvariantCulture);
        if (offset + page.Count < total)
        {
            var next = new Dictionary<string, string?>();
            foreach (var (key, value) in query)
                next[key] = value.ToString();
            next["offset"] = (offset + page.Count).ToString(CultureInfo.InvariantCulture);
            next["limit"] = limit.ToString(CultureInfo.InvariantCulture);
            http.Response.Headers.Link = $"<{Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString($"{BaseUrl}{http.Request.Path}", next)}>; rel=\"next\"";
        }
        http.Response.ContentType = "application/json; charset=utf-8";
        WritePage(http.Response.BodyWriter, page);
        await http.Response.BodyWriter.FlushAsync();
        return Results.Empty;
    }

    private static List<Listed> Slice(List<Listed> list, int offset, int count) =>
        list.GetRange(Math.Min(offset, list.Count), Math.Max(0, Math.Min(count, list.Count - offset)));

    private static void WritePage(IBufferWriter<byte> body, List<Listed> page)
    {
        body.Write("{\"status_code\":1000,\"timestamp\":\""u8);
        body.Write(Encoding.UTF8.GetBytes(OcpiJson.FormatDateTime(DateTime.UtcNow)));
        body.Write("\",\"data\":["u8);
        for (var i = 0; i < page.Count; i++)
        {
            if (i > 0)
                body.Write(","u8);
            body.Write(page[i].Json);
        }
        body.Write("]}"u8);
    }

    private async Task ReadPortalCredentialsAsync(HttpContext http)
    {
        var body = await JsonNode.ParseAsync(http.Request.Body);
        PortalToken = body!["token"]!.GetValue<string>();
        PortalVersionsUrl = body["url"]!.GetValue<string>();
    }

    private JsonObject Credentials(string token) => new()
    {
        ["token"] = token,
        ["url"] = VersionsUrl,
        ["roles"] = new JsonArray(new JsonObject
        {
            ["role"] = "CPO",
            ["business_details"] = new JsonObject { ["name"] = "Fake CPO" },
            ["party_id"] = PartyId,
            ["country_code"] = CountryCode,
        }),
    };

    private JsonArray Endpoints()
    {
        var endpoints = new JsonArray(
            Endpoint("credentials", "SENDER", "/cpo/v221/creds"),
            Endpoint("locations", "SENDER", "/cpo/v221/sender/locs"),
            Endpoint("locations", "RECEIVER", "/cpo/v221/receiver/locs"),
            Endpoint("sessions", "SENDER", "/cpo/v221/sender/sess"),
            Endpoint("cdrs", "SENDER", "/cpo/v221/sender/charge-records"),
            Endpoint("tariffs", "SENDER", "/cpo/v221/sender/prices"));
        if (OffersChargingProfiles)
            endpoints.Add(Endpoint("chargingprofiles", "RECEIVER", ChargingProfilesPath));
        return endpoints;
    }

    private JsonObject Endpoint(string identifier, string role, string path) =>
        new() { ["identifier"] = identifier, ["role"] = role, ["url"] = BaseUrl + path };

    private static string? TokenOf(HttpContext http)
    {
        var header = http.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Token ", StringComparison.Ordinal))
            return null;
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(header["Token ".Length..]));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private IResult? Authorised(HttpContext http, bool allowTokenA)
    {
        var token = TokenOf(http);
        var ok = !RefuseAll && token is not null && ((allowTokenA && token == TokenA) || (TokenForPortal is not null && token == TokenForPortal));
        return ok ? null : Envelope(401, 2000, null, "unknown token");
    }

    private static IResult Ok(JsonNode data) => Envelope(200, 1000, data, null);

    private static IResult Envelope(int httpStatus, int ocpiStatus, JsonNode? data, string? message)
    {
        var body = new JsonObject { ["status_code"] = ocpiStatus, ["timestamp"] = OcpiJson.FormatDateTime(DateTime.UtcNow) };
        if (data is not null)
            body["data"] = data;
        if (message is not null)
            body["status_message"] = message;
        return Results.Text(body.ToJsonString(), "application/json", Encoding.UTF8, httpStatus);
    }

    /// <summary>A listed object: its JSON as served, and its last_updated for the date filter (none when unreadable).</summary>
    private sealed record Listed(byte[] Json, DateTime? LastUpdated)
    {
        public static Listed Of(JsonObject item) => new(
            Encoding.UTF8.GetBytes(item.ToJsonString()),
            item["last_updated"] is JsonValue stamp && stamp.TryGetValue<string>(out var text) && OcpiJson.TryParseDateTime(text, out var updated) ? updated : null);

        public JsonObject Parse() => JsonNode.Parse(Json)!.AsObject();
    }

    /// <summary>One list request's fault: wait first, then answer with this HTTP status (and Retry-After).</summary>
    public sealed record Fault(int? Status = null, TimeSpan? Delay = null, int? RetryAfterSeconds = null);

    public sealed record Recorded(DateTimeOffset At, string Method, string Path, string Query, string RequestId, string CorrelationId, string Authorization);
}
