using System.Text.Json;
using System.Text.Json.Nodes;
using Portal.Integration.Ocpi;
using Portal.Integration.Ocpi.Contracts;

namespace Portal.Tests.Support;

/// <summary>The official OCPI 2.2.1 example files (copied unchanged into Examples/) and what they hold.</summary>
public static class OcpiExamples
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Ocpi", "Examples");

    public static string Text(string file) => File.ReadAllText(Path.Combine(Folder, file));

    public static T Read<T>(string file) =>
        JsonSerializer.Deserialize<T>(Text(file), OcpiJson.Options) ?? throw new InvalidOperationException($"{file} holds null");

    /// <summary>The contract each file deserialises into; patches and wrappers use the object they patch or wrap.</summary>
    public static Type ContractOf(string file) => file switch
    {
        "location_put_example_add_evse.json" or "location_patch_example_status.json" or "location_patch_example_remove_evse.json" => typeof(Evse),
        "location_patch_example_tariff.json" => typeof(Connector),
        "location_hours_247_open_exception_closing.json" or "location_hours_opening_hours_with_exceptional_closing.json"
            or "location_hours_opening_hours_with_exceptional_opening.json" => typeof(Hours),
        _ when file.StartsWith("location_", StringComparison.Ordinal) => typeof(Location),
        _ when file.StartsWith("session_", StringComparison.Ordinal) => typeof(Session),
        _ when file.StartsWith("cdr_", StringComparison.Ordinal) => typeof(Cdr),
        _ when file.StartsWith("tariff", StringComparison.Ordinal) => typeof(Tariff),
        _ when file.StartsWith("token_", StringComparison.Ordinal) => typeof(Token),
        _ when file.StartsWith("credentials_", StringComparison.Ordinal) => typeof(Credentials),
        "versions_info_example.json" => typeof(IReadOnlyList<OcpiVersion>),
        _ when file.StartsWith("version_details_", StringComparison.Ordinal) => typeof(VersionDetails),
        "transport_and_format_version_info_example.json" => typeof(OcpiResponse<IReadOnlyList<OcpiVersion>>),
        "transport_and_format_version_details_example.json" => typeof(OcpiResponse<VersionDetails>),
        "transport_and_format_get_token_example.json" => typeof(OcpiResponse<Token>),
        "transport_and_format_get_token_list_example.json" => typeof(OcpiResponse<IReadOnlyList<Token>>),
        "type_displaytext_example.json" => typeof(DisplayText),
        _ => throw new ArgumentException($"No contract known for {file}", nameof(file)),
    };

    /// <summary>Our own Arnhem fixture (Fixtures/arnhem_location.json) with its id and address made unique to one test.</summary>
    public static JsonObject ArnhemLocation(string id, string address)
    {
        var location = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Ocpi", "Fixtures", "arnhem_location.json")))!.AsObject();
        location["id"] = id;
        location["address"] = address;
        return location;
    }

    public static IEnumerable<string> AllJsonFiles() =>
        Directory.EnumerateFiles(Folder, "*.json").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);

    /// <summary>
    /// The JSON tree as OCPI means it: null members dropped, and timestamps in the one form we write,
    /// so "2015-06-29T20:39:09Z" and "2015-06-29T20:39:09.000Z" compare equal.
    /// </summary>
    public static JsonNode? Canonical(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.Where(p => p.Value is not null)
            .Select(p => KeyValuePair.Create(p.Key, Canonical(p.Value)))),
        JsonArray a => new JsonArray(a.Select(Canonical).ToArray()),
        JsonValue v when v.GetValueKind() == JsonValueKind.String && IsTimestamp(v.GetValue<string>(), out var utc) =>
            JsonValue.Create(OcpiJson.FormatDateTime(utc)),
        _ => node?.DeepClone(),
    };

    private static bool IsTimestamp(string text, out DateTime utc)
    {
        utc = default;
        return text.Length >= 10 && char.IsAsciiDigit(text[0]) && text[4] == '-' && OcpiJson.TryParseDateTime(text, out utc);
    }
}
