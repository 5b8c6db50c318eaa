using System.Text.Json;
using System.Text.Json.Serialization;

namespace Portal.Integration.Geocoding;

// The Locatieserver's Solr answer: {"response":{"numFound":1,"docs":[{...}]}, "highlighting":{...}}.
// Only the fields we map are declared; Solr adds many more.
internal sealed record PdokEnvelope(PdokResponse? Response);

internal sealed record PdokResponse(int NumFound, IReadOnlyList<PdokDocument>? Docs);

internal sealed record PdokDocument(
    string? Id,
    string? Type,
    string? Weergavenaam,
    string? CentroideLl,
    string? Postcode,
    int? Huisnummer,
    string? HuisNlt,
    string? Straatnaam,
    string? Woonplaatsnaam,
    string? Gemeentecode,
    string? Gemeentenaam);

internal static class PdokJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    };
}
