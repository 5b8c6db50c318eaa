using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Integration.Ocpi.Connections;
using Portal.Integration.Persistence;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Ocpi;

/// <summary>A CPO calling the portal's OCPI interface with the token the portal issued to it.</summary>
internal sealed class OcpiPartner(HttpClient http) : IDisposable
{
    public HttpClient Http { get; } = http;

    public static async Task<OcpiPartner> RegisterAsync(PortalAppFactory app, string countryCode = "NL", string partyId = "LDN")
    {
        using var scope = app.App.Services.CreateScope();
        var registered = await scope.ServiceProvider.GetRequiredService<OcpiConnections>().RegisterCpoAsync(countryCode, partyId, "Laadnet Test");
        var http = app.App.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Token", Convert.ToBase64String(Encoding.UTF8.GetBytes(registered.Token)));
        return new OcpiPartner(http);
    }

    /// <summary>Our own Arnhem fixture with its id and address made unique to one test.</summary>
    public static JsonObject Location(string id, string address) => OcpiExamples.ArnhemLocation(id, address);

    public Task<OcpiAnswer> PutAsync(string path, JsonNode body) => SendAsync(HttpMethod.Put, path, body);

    public Task<OcpiAnswer> PatchAsync(string path, JsonNode body) => SendAsync(HttpMethod.Patch, path, body);

    public async Task<OcpiAnswer> SendAsync(HttpMethod method, string path, JsonNode? body)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        var response = await Http.SendAsync(request);
        return await OcpiAnswer.ReadAsync(response);
    }

    public static async Task<int> StatusEventCountAsync(PortalAppFactory app, string locationSourceId)
    {
        using var scope = app.App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().EvseStatusEvents.CountAsync(e => e.LocationSourceId == locationSourceId);
    }

    public static async Task<int> ChargeLocationCountAsync(PortalAppFactory app)
    {
        using var scope = app.App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().ChargeLocations.CountAsync();
    }

    public void Dispose() => Http.Dispose();
}

/// <summary>An OCPI answer: the HTTP response and its envelope.</summary>
internal sealed record OcpiAnswer(HttpResponseMessage Response, JsonElement Envelope)
{
    public int StatusCode => Envelope.GetProperty("status_code").GetInt32();

    public string StatusMessage => Envelope.TryGetProperty("status_message", out var message) ? message.GetString() ?? "" : "";

    public static async Task<OcpiAnswer> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return new OcpiAnswer(response, JsonDocument.Parse(text).RootElement.Clone());
    }
}
