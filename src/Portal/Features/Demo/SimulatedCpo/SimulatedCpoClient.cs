using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Portal.Integration.Ocpi;
using Portal.Integration.Ocpi.Contracts;

namespace Portal.Features.Demo.SimulatedCpo;

/// <summary>
/// How the simulated CPO calls out: the portal's OCPI interface and the response_urls of charging
/// profile requests. Uses the named HttpClient <see cref="HttpClientName"/>, so tests can route it
/// to the test server.
/// </summary>
internal sealed class SimulatedCpoClient(IHttpClientFactory clients)
{
    public const string HttpClientName = "SimulatedCpo";

    public async Task<OcpiCall<T>> GetAsync<T>(string url, string token, CancellationToken ct) =>
        await SendAsync<T>(HttpMethod.Get, url, token, null, ct);

    public async Task<OcpiCall<T>> SendAsync<T>(HttpMethod method, string url, string token, object? body, CancellationToken ct)
    {
        using var http = clients.CreateClient(HttpClientName);
        using var request = new HttpRequestMessage(method, url);
        // OCPI 2.2.1: the token goes Base64-encoded after "Token ".
        request.Headers.Authorization = new AuthenticationHeaderValue("Token", Convert.ToBase64String(Encoding.UTF8.GetBytes(token)));
        var id = Guid.NewGuid().ToString();
        request.Headers.Add("X-Request-ID", id);
        request.Headers.Add("X-Correlation-ID", id);
        if (body is not null)
            request.Content = new StringContent(JsonSerializer.Serialize(body, OcpiJson.Options), Encoding.UTF8, "application/json");
        using var response = await http.SendAsync(request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        OcpiResponse<T>? envelope = null;
        try
        {
            envelope = text.Length == 0 ? null : JsonSerializer.Deserialize<OcpiResponse<T>>(text, OcpiJson.Options);
        }
        catch (JsonException)
        {
            // Not an OCPI answer (a proxy's error page, say): the HTTP status tells the caller enough.
        }
        return new OcpiCall<T>(response.StatusCode, envelope);
    }
}

/// <summary>The HTTP status of an OCPI call and its envelope, when the body was one.</summary>
internal sealed record OcpiCall<T>(HttpStatusCode HttpStatus, OcpiResponse<T>? Envelope)
{
    public bool IsSuccess => (int)HttpStatus is >= 200 and < 300 && Envelope?.IsSuccess == true;

    public string Describe() => $"HTTP {(int)HttpStatus}, OCPI {Envelope?.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"} {Envelope?.StatusMessage}".TrimEnd();
}
