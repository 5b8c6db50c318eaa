using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Polly.Timeout;

namespace Portal.Integration.Geocoding;

/// <summary>
/// The Dutch national address search (PDOK Locatieserver v3_1, <c>suggest</c> and <c>lookup</c>),
/// as a typed HttpClient. Retries and timeouts come from <see cref="GeocodingResilienceHandler"/>.
/// </summary>
public sealed class PdokLocatieserverClient(HttpClient http, ILogger<PdokLocatieserverClient> logger) : IAddressSearch
{
    public const int MaxQueryLength = 200;
    public const int MaxLimit = 50;

    private const string AddressesAndPostcodes = "type:(adres OR postcode)";
    private const int MaxIdLength = 100;

    public async Task<IReadOnlyList<AddressSuggestion>> SuggestAsync(string query, int limit = 7, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var text = CleanQuery(query);
        if (text.Length == 0)
            return [];

        var rows = Math.Min(limit, MaxLimit).ToString(CultureInfo.InvariantCulture);
        var docs = await GetDocsAsync($"suggest?q={Uri.EscapeDataString(text)}&fq={Uri.EscapeDataString(AddressesAndPostcodes)}&rows={rows}", cancellationToken);
        return docs.Select(PdokMapping.ToSuggestion).OfType<AddressSuggestion>().ToList();
    }

    public async Task<AddressLocation?> LookupAsync(string id, CancellationToken cancellationToken = default)
    {
        var key = id?.Trim() ?? "";
        // PDOK ids look like "adr-1b2c…"; anything else cannot exist there, so don't ask.
        if (key.Length is 0 or > MaxIdLength || !key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            return null;

        var docs = await GetDocsAsync($"lookup?id={Uri.EscapeDataString(key)}", cancellationToken);
        if (docs.Count == 0)
            return null;
        if (PdokMapping.ToLocation(docs[0]) is { } location)
            return location;

        logger.LogWarning("Address search lookup of {Id} returned a document without a label or a readable centroid ({Centroid})", key, docs[0].CentroideLl);
        throw new GeocodingUnavailable();
    }

    /// <summary>
    /// Keeps letters, digits and the punctuation of Dutch addresses; the rest (quotes, brackets,
    /// colons) is Solr query syntax, which a half-typed query would turn into a server error.
    /// </summary>
    internal static string CleanQuery(string? query)
    {
        var text = new StringBuilder(Math.Min(query?.Length ?? 0, MaxQueryLength));
        var pendingSpace = false;
        foreach (var c in query ?? "")
        {
            if (char.IsLetterOrDigit(c) || c is '-' or '\'' or '.' or ',')
            {
                if (pendingSpace && text.Length > 0)
                    text.Append(' ');
                pendingSpace = false;
                text.Append(c);
            }
            else
            {
                pendingSpace = true;
            }
            if (text.Length >= MaxQueryLength)
                break;
        }
        return text.ToString(0, Math.Min(text.Length, MaxQueryLength));
    }

    private async Task<IReadOnlyList<PdokDocument>> GetDocsAsync(string relativeUrl, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync(relativeUrl, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                logger.LogWarning("Address search answered {Status} to {Url}", (int)response.StatusCode, relativeUrl);
                throw new GeocodingUnavailable();
            }

            var envelope = await response.Content.ReadFromJsonAsync<PdokEnvelope>(PdokJson.Options, cancellationToken);
            if (envelope?.Response?.Docs is not { } docs)
            {
                logger.LogWarning("Address search answered JSON without response.docs to {Url}", relativeUrl);
                throw new GeocodingUnavailable();
            }
            return docs;
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException or JsonException
            || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            logger.LogWarning(e, "Address search failed for {Url}", relativeUrl);
            throw new GeocodingUnavailable(e);
        }
    }
}
