using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Portal.Integration.Ocpi;

namespace Portal.Tests.Support;

/// <summary>
/// The fake CPO as ChargingProfiles receiver (NOTES 8.1): PUT, GET and DELETE on {endpoint}/{session_id} answer
/// as <see cref="ProfileAnswer"/> says; when it accepts and calls back, the result is POSTed to the
/// response_url through <see cref="PortalHttp"/> (the portal's test server) with the token the portal gave us.
/// </summary>
public sealed partial class FakeCpo
{
    public const string ChargingProfilesPath = "/cpo/v221/receiver/smart";

    private readonly ConcurrentQueue<Task<CallbackOutcome>> _callbacks = new();
    private TaskCompletionSource _release = NewRelease();

    /// <summary>Lists a chargingprofiles RECEIVER endpoint in the version details (set before connecting).</summary>
    public bool OffersChargingProfiles { get; set; }

    public ProfileMode ProfileAnswer { get; set; } = ProfileMode.AcceptAndCallBack;

    /// <summary>The timeout the immediate answer gives, in seconds.</summary>
    public int ProfileTimeout { get; set; } = 30;

    /// <summary>How long the fake waits before its callback, after <see cref="ReleaseCallbacks"/>.</summary>
    public TimeSpan CallbackDelay { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Runs with <see cref="CallbackDelay"/> just before the callback is posted (a test moves its fake clock here).</summary>
    public Action<TimeSpan>? OnCallbackDelay { get; set; }

    /// <summary>The first PUT is recorded, then answered only after this long (slower than the portal waits for an attempt).</summary>
    public TimeSpan? SlowFirstProfileAnswer { get; set; }

    /// <summary>A client that reaches the portal (the test server's handler).</summary>
    public HttpClient? PortalHttp { get; set; }

    /// <summary>The SetChargingProfile bodies and GET queries the portal sent, by session id.</summary>
    public ConcurrentQueue<(string Method, string SessionId, string Query, JsonNode? Body)> ProfileRequests { get; } = new();

    /// <summary>Callbacks wait for this, so a test can see the immediate answer recorded first.</summary>
    public void ReleaseCallbacks() => _release.TrySetResult();

    /// <summary>The outcomes of all callbacks started so far.</summary>
    public async Task<IReadOnlyList<CallbackOutcome>> CallbacksAsync() =>
        await Task.WhenAll(_callbacks.ToArray()).WaitAsync(TimeSpan.FromSeconds(30));

    /// <summary>POSTs a result to a response_url of the portal as this CPO (with the token the portal gave us).</summary>
    public async Task<CallbackOutcome> PostResultAsync(string responseUrl, JsonNode body)
    {
        var http = PortalHttp ?? throw new InvalidOperationException("PortalHttp is not set.");
        using var request = new HttpRequestMessage(HttpMethod.Post, responseUrl)
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Token", Convert.ToBase64String(Encoding.UTF8.GetBytes(PortalToken ?? "")));
        using var response = await http.SendAsync(request);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync());
        return new CallbackOutcome((int)response.StatusCode, answer?["status_code"]?.GetValue<int>(), answer);
    }

    /// <summary>
    /// PUTs an ActiveChargingProfile update (NOTES 8.2) for a session to the portal's chargingprofiles SENDER
    /// endpoint, found in the portal's version details, as this CPO. The body goes as given, valid or not.
    /// </summary>
    public async Task<CallbackOutcome> PutActiveProfileAsync(string sessionId, string body, string? requestId = null)
    {
        var http = PortalHttp ?? throw new InvalidOperationException("PortalHttp is not set.");
        var endpoint = await PortalEndpointAsync("chargingprofiles", "SENDER");
        using var request = new HttpRequestMessage(HttpMethod.Put, $"{endpoint.TrimEnd('/')}/{Uri.EscapeDataString(sessionId)}")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Token", Convert.ToBase64String(Encoding.UTF8.GetBytes(PortalToken ?? "")));
        if (requestId is not null)
            request.Headers.Add("X-Request-ID", requestId);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var answer = text.Length == 0 ? null : JsonNode.Parse(text);
        return new CallbackOutcome((int)response.StatusCode, answer?["status_code"]?.GetValue<int>(), answer);
    }

    /// <summary>An endpoint of the portal's 2.2.1 version details, read with the token the portal gave us.</summary>
    public async Task<string> PortalEndpointAsync(string identifier, string role)
    {
        var http = PortalHttp ?? throw new InvalidOperationException("PortalHttp is not set.");
        var versions = await GetFromPortalAsync(http, PortalVersionsUrl ?? throw new InvalidOperationException("Not registered with the portal."));
        var detailsUrl = versions!["data"]!.AsArray().Single(v => v!["version"]!.GetValue<string>() == "2.2.1")!["url"]!.GetValue<string>();
        var details = await GetFromPortalAsync(http, detailsUrl);
        return details!["data"]!["endpoints"]!.AsArray()
            .Single(e => e!["identifier"]!.GetValue<string>() == identifier && e["role"]!.GetValue<string>() == role)!["url"]!.GetValue<string>();
    }

    private async Task<JsonNode?> GetFromPortalAsync(HttpClient http, string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Token", Convert.ToBase64String(Encoding.UTF8.GetBytes(PortalToken ?? "")));
        using var response = await http.SendAsync(request);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync());
    }

    private static TaskCompletionSource NewRelease() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private void MapChargingProfiles(WebApplication app)
    {
        app.MapPut(ChargingProfilesPath + "/{sessionId}", async (HttpContext http, string sessionId) =>
        {
            if (Authorised(http, allowTokenA: false) is { } refused)
                return refused;
            var body = await JsonNode.ParseAsync(http.Request.Body);
            ProfileRequests.Enqueue(("PUT", sessionId, "", body));
            if (SlowFirstProfileAnswer is { } slow && ProfileRequests.Count == 1)
            {
                // The portal gives up on this attempt meanwhile; its answer goes nowhere.
                await Task.Delay(slow, CancellationToken.None);
            }
            var responseUrl = body?["response_url"]?.GetValue<string>();
            return Answer(responseUrl, new JsonObject { ["result"] = "ACCEPTED" });
        });
        app.MapGet(ChargingProfilesPath + "/{sessionId}", (HttpContext http, string sessionId) =>
        {
            if (Authorised(http, allowTokenA: false) is { } refused)
                return refused;
            ProfileRequests.Enqueue(("GET", sessionId, http.Request.QueryString.Value ?? "", null));
            var result = new JsonObject
            {
                ["result"] = "ACCEPTED",
                ["profile"] = new JsonObject
                {
                    ["start_date_time"] = OcpiJson.FormatDateTime(DateTime.UtcNow),
                    ["charging_profile"] = new JsonObject
                    {
                        ["charging_rate_unit"] = "W",
                        ["charging_profile_period"] = new JsonArray(new JsonObject { ["start_period"] = 0, ["limit"] = 11000 }),
                    },
                },
            };
            return Answer(http.Request.Query["response_url"].ToString(), result);
        });
        app.MapDelete(ChargingProfilesPath + "/{sessionId}", (HttpContext http, string sessionId) =>
        {
            if (Authorised(http, allowTokenA: false) is { } refused)
                return refused;
            ProfileRequests.Enqueue(("DELETE", sessionId, http.Request.QueryString.Value ?? "", null));
            return Answer(http.Request.Query["response_url"].ToString(), new JsonObject { ["result"] = "ACCEPTED" });
        });
    }

    private IResult Answer(string? responseUrl, JsonObject result)
    {
        switch (ProfileAnswer)
        {
            case ProfileMode.ServerError:
                return Envelope(500, 3000, null, "smart charging is down");
            case ProfileMode.Reject:
                return Ok(new JsonObject { ["result"] = "REJECTED", ["timeout"] = ProfileTimeout });
            case ProfileMode.UnknownSession:
                return Ok(new JsonObject { ["result"] = "UNKNOWN_SESSION", ["timeout"] = ProfileTimeout });
            case ProfileMode.AcceptAndCallBack when responseUrl is not null:
                var release = _release;
                var delay = CallbackDelay;
                _callbacks.Enqueue(Task.Run(async () =>
                {
                    await release.Task;
                    await Task.Delay(delay);
                    OnCallbackDelay?.Invoke(delay);
                    return await PostResultAsync(responseUrl, result);
                }));
                break;
        }
        return Ok(new JsonObject { ["result"] = "ACCEPTED", ["timeout"] = ProfileTimeout });
    }

    public enum ProfileMode
    {
        /// <summary>ACCEPTED, then the result on response_url after <see cref="CallbackDelay"/>.</summary>
        AcceptAndCallBack,

        /// <summary>ACCEPTED, and never a callback.</summary>
        AcceptSilently,
        Reject,
        UnknownSession,

        /// <summary>HTTP 500 with status 3000.</summary>
        ServerError,
    }

    public sealed record CallbackOutcome(int HttpStatus, int? OcpiStatus, JsonNode? Body);
}
