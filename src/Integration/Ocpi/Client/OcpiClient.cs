using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Portal.Integration.Ocpi.Contracts;

namespace Portal.Integration.Ocpi.Client;

/// <summary>
/// Calls a partner's OCPI interface: "Authorization: Token &lt;base64&gt;", a new X-Request-ID per
/// attempt and one X-Correlation-ID per call, through the connection's resilience pipeline; reads
/// the envelope and turns anything but a success status into <see cref="OcpiCallException"/>.
/// </summary>
public sealed class OcpiClient(HttpClient http, OcpiResiliencePipelines pipelines)
{
    public const string RequestIdHeader = "X-Request-ID";
    public const string CorrelationIdHeader = "X-Correlation-ID";

    /// <summary>GET of a single object (versions, version details, credentials).</summary>
    public async Task<OcpiResult<T>> GetAsync<T>(Guid connectionId, string url, string token, CancellationToken ct = default)
    {
        var answer = await SendAsync(connectionId, HttpMethod.Get, url, token, null, ct);
        var (data, status) = ReadData<T>(answer);
        return new OcpiResult<T>(data, answer.RequestId, answer.HttpStatus, status);
    }

    /// <summary>POST/PUT/DELETE with a JSON body (credentials).</summary>
    public async Task<OcpiResult<T>> SendAsync<T>(Guid connectionId, HttpMethod method, string url, string token, object? body, CancellationToken ct = default)
    {
        var bytes = body is null ? null : JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), OcpiJson.Options);
        var answer = await SendAsync(connectionId, method, url, token, bytes, ct);
        var (data, status) = ReadData<T>(answer, dataRequired: method != HttpMethod.Delete);
        return new OcpiResult<T>(data, answer.RequestId, answer.HttpStatus, status);
    }

    /// <summary>
    /// Every page of a paginated list from <paramref name="firstUrl"/> on, each read once into its wire
    /// records (see <see cref="OcpiPageReader"/>), following Link rel="next" on the CPO's own server,
    /// X-Total-Count and X-Limit (<see cref="OcpiPaging.NextPage"/>).
    /// </summary>
    public async IAsyncEnumerable<OcpiPage<T>> GetPagesAsync<T>(Guid connectionId, string firstUrl, string token, [EnumeratorCancellation] CancellationToken ct = default)
        where T : class
    {
        int? previousTotal = null;
        var pages = 0;
        for (var url = firstUrl; url is not null;)
        {
            if (++pages > OcpiPaging.MaxPages)
                throw new InvalidOperationException($"more than {OcpiPaging.MaxPages} pages: the CPO's paging does not end");
            var answer = await SendAsync(connectionId, HttpMethod.Get, url, token, null, ct);
            var headers = new OcpiPageHeaders(NextLink(answer.Headers), Number(answer.Headers, "X-Total-Count"), Number(answer.Headers, "X-Limit"), answer.RequestId);
            var items = OcpiPageReader.Read<T>(answer.Body, answer.RequestId);
            yield return new OcpiPage<T>(items, headers);
            url = OcpiPaging.NextPage(url, headers, items.Count, ref previousTotal);
        }
    }

    private async Task<Answer> SendAsync(Guid connectionId, HttpMethod method, string url, string token, byte[]? body, CancellationToken ct)
    {
        var correlationId = Guid.NewGuid().ToString();
        var requestId = "";
        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(token));
        HttpResponseMessage response;
        try
        {
            response = await pipelines.For(connectionId).ExecuteAsync(async token =>
            {
                requestId = Guid.NewGuid().ToString();
                using var request = new HttpRequestMessage(method, url);
                request.Headers.Authorization = new AuthenticationHeaderValue("Token", encoded);
                request.Headers.Add(RequestIdHeader, requestId);
                request.Headers.Add(CorrelationIdHeader, correlationId);
                if (body is not null)
                    request.Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };
                return await http.SendAsync(request, token);
            }, ct);
        }
        catch (BrokenCircuitException e)
        {
            throw new OcpiCallException(OcpiCallFailure.CircuitOpen, "the circuit of this connection is open after repeated failures; calls resume later", requestId.Length == 0 ? null : requestId, inner: e);
        }
        catch (TimeoutRejectedException e)
        {
            throw new OcpiCallException(OcpiCallFailure.Timeout, $"{method} {url} timed out", requestId, inner: e);
        }
        catch (HttpRequestException e)
        {
            throw new OcpiCallException(OcpiCallFailure.Network, $"{method} {url} failed: {e.Message}", requestId, inner: e);
        }

        using (response)
        {
            var bytes = await response.Content.ReadAsByteArrayAsync(ct);
            if (response.StatusCode == HttpStatusCode.Unauthorized)
                throw new OcpiCallException(OcpiCallFailure.Unauthorized, $"{method} {url}: 401, the CPO does not accept our token", requestId, 401);
            if (!response.IsSuccessStatusCode)
                throw new OcpiCallException(OcpiCallFailure.Http, $"{method} {url}: HTTP {(int)response.StatusCode}{StatusMessage(bytes)}", requestId, (int)response.StatusCode, OcpiStatusCode(bytes));
            return new Answer(bytes, response.Headers, requestId, (int)response.StatusCode);
        }
    }

    private static (T? Data, int OcpiStatus) ReadData<T>(Answer answer, bool dataRequired = true)
    {
        OcpiResponse<T>? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize<OcpiResponse<T>>(answer.Body, OcpiJson.Options);
        }
        catch (JsonException e)
        {
            throw new OcpiCallException(OcpiCallFailure.InvalidResponse, $"the answer is not a valid OCPI envelope: {e.Message}", answer.RequestId, inner: e);
        }
        if (envelope is null)
            throw new OcpiCallException(OcpiCallFailure.InvalidResponse, "the answer is empty", answer.RequestId);
        if (!envelope.IsSuccess)
            throw new OcpiCallException(OcpiCallFailure.OcpiStatus, $"OCPI status {envelope.StatusCode}: {envelope.StatusMessage}", answer.RequestId, ocpiStatus: envelope.StatusCode);
        if (dataRequired && envelope.Data is null)
            throw new OcpiCallException(OcpiCallFailure.InvalidResponse, "the answer has no data", answer.RequestId);
        return (envelope.Data, envelope.StatusCode);
    }

    /// <summary>The URL in <c>Link: &lt;url&gt;; rel="next"</c>, if any.</summary>
    internal static string? NextLink(HttpResponseHeaders headers)
    {
        if (!headers.TryGetValues("Link", out var values))
            return null;
        foreach (var part in values.SelectMany(v => v.Split(',')))
        {
            var pieces = part.Split(';', StringSplitOptions.TrimEntries);
            if (pieces.Length < 2 || !pieces[0].StartsWith('<') || !pieces[0].EndsWith('>'))
                continue;
            if (pieces.Skip(1).Any(p => p.Replace(" ", "", StringComparison.Ordinal).Equals("rel=\"next\"", StringComparison.OrdinalIgnoreCase)
                || p.Equals("rel=next", StringComparison.OrdinalIgnoreCase)))
                return pieces[0][1..^1];
        }
        return null;
    }

    private static int? Number(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) && int.TryParse(values.FirstOrDefault(), System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : null;

    private static string StatusMessage(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.TryGetProperty("status_message", out var message) && message.ValueKind == JsonValueKind.String
                ? $" ({message.GetString()})"
                : "";
        }
        catch (JsonException)
        {
            return "";
        }
    }

    private static int? OcpiStatusCode(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.TryGetProperty("status_code", out var code) && code.TryGetInt32(out var value) ? value : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record Answer(byte[] Body, HttpResponseHeaders Headers, string RequestId, int HttpStatus);
}

/// <summary>The data of a successful OCPI answer, the X-Request-ID of the call, and the HTTP and OCPI status codes it came with.</summary>
public sealed record OcpiResult<T>(T? Data, string RequestId, int HttpStatus = 200, int OcpiStatus = 1000);

