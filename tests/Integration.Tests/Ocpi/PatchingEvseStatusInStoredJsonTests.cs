using System.Text;
using System.Text.Json.Nodes;
using Portal.Integration.Ocpi;
using Portal.Integration.Ocpi.Receiving;

namespace Portal.Integration.Tests.Ocpi;

/// <summary>
/// <see cref="EvseStatusPatch"/> writes the stored Location with an EVSE's status and last_updated replaced
/// without building a tree; the text must be exactly what the receiver's tree gives (parse, clone, replace the
/// two fields, raise the Location's last_updated when older, <see cref="JsonNode.ToJsonString"/>), also for a
/// snapshot stored as a CPO sent it (whitespace, escapes, non-ASCII text, numbers in any form).
/// </summary>
public sealed class PatchingEvseStatusInStoredJsonTests
{
    /// <summary>A pulled snapshot is kept as sent: indented, escaped names and strings, accents, numbers written oddly.</summary>
    private const string AsSent = """
        {
          "country_code": "NL", "party_id": "LDN", "id": "L\u00E9-1",
          "name": "Caf\u00e9 \"De Laadpaal\" \/ Markt & <plein>",
          "address": "Stationsplein 1 – zijde Noord", "city": "Arnhem",
          "coordinates": { "latitude": "51.984560", "longitude": "5.906310" },
          "evses": [
            {
              "uid": "E-1", "status": "AVAILABLE",
              "status_schedule": [ { "period_begin": "2026-03-01T00:00:00Z", "status": "BLOCKED" } ],
              "connectors": [ { "id": "1", "max_voltage": 230.0, "max_amperage": 1.6e1, "max_electric_power": -0, "last_updated": "2026-03-01T09:00:00Z" } ],
              "last_updated": "2026-03-01T09:00:00Z"
            },
            {
              "\u0075id": "E-2", "floor_level": null, "parking_restrictions": [ "EV_ONLY", "PLUGGED" ], "status": "CHARGING",
              "capabilities": [], "directions": [ { "language": "nl", "text": "Achter het station\nlinks" } ],
              "last_updated": "2026-03-01T09:15:00Z"
            }
          ],
          "publish": true, "opening_times": { "twentyfourseven": false, "regular_hours": [ { "weekday": 1, "period_begin": "08:00", "period_end": "18:00" } ] },
          "last_updated": "2026-03-01T09:15:00Z"
        }
        """;

    [Theory]
    [InlineData("E-2", "OUTOFORDER", "2026-03-02T07:30:00Z")] // newer than the Location: its last_updated follows
    [InlineData("e-1", "CHARGING", "2026-03-01T09:10:00Z")] // the uid in another case; older than the Location, which keeps its time
    [InlineData("E-1", "AVAILABLE", "2026-03-01T09:00:00.000Z")] // the same moment and status, the text differs
    [InlineData("E-2", "CHARGING", "2026-03-02T09:00:00+01:00")] // an offset: '+' is escaped by the default encoder
    public void ThePatchedText_IsWhatTheReceiversTreeWrites(string uid, string status, string lastUpdated)
    {
        var body = JsonNode.Parse($$"""{"status":"{{status}}","last_updated":"{{lastUpdated}}"}""")!.AsObject();
        var change = EvseStatusPatch.Read(body);
        Assert.NotNull(change);

        var patched = EvseStatusPatch.Apply(AsSent, uid, change.Value.Status, change.Value.LastUpdatedText, change.Value.LastUpdated);

        Assert.NotNull(patched);
        Assert.Equal(EvseStatusPatch.PatchKind.Changed, patched.Kind);
        var (expected, index) = AsTheReceiverMerges(AsSent, uid, body);
        Assert.Equal(expected, Encoding.UTF8.GetString(patched.Utf8));
        Assert.Equal(index, patched.Index);
        Assert.Equal(OcpiEvseVersion.Of(Encoding.UTF8.GetBytes(expected))[index], OcpiEvseVersion.Of(patched.Utf8, only: patched.Index).Single());
    }

    [Fact]
    public void AnOlderPatch_AndTheSamePatch_AreToldApart()
    {
        var older = EvseStatusPatch.Apply(AsSent, "E-2", "AVAILABLE", "2026-03-01T09:14:59Z", new DateTime(2026, 3, 1, 9, 14, 59, DateTimeKind.Utc));
        var same = EvseStatusPatch.Apply(AsSent, "E-2", "CHARGING", "2026-03-01T09:15:00Z", new DateTime(2026, 3, 1, 9, 15, 0, DateTimeKind.Utc));

        Assert.Equal(EvseStatusPatch.PatchKind.Older, older?.Kind);
        Assert.Equal(EvseStatusPatch.PatchKind.Same, same?.Kind);
    }

    [Theory]
    [InlineData("""{"status":"AVAILABLE"}""")]
    [InlineData("""{"status":"Available","last_updated":"2026-03-02T07:30:00Z"}""")]
    [InlineData("""{"status":"AVAILABLE","last_updated":"yesterday"}""")]
    [InlineData("""{"status":"AVAILABLE","last_updated":"2026-03-02T07:30:00Z","physical_reference":"C"}""")]
    [InlineData("""{"status":["AVAILABLE"],"last_updated":"2026-03-02T07:30:00Z"}""")]
    public void ABodyOfMoreOrOtherThanAStatusChange_IsNotAStatusPatch(string json) =>
        Assert.Null(EvseStatusPatch.Read(JsonNode.Parse(json)!.AsObject()));

    [Fact]
    public void AnEvseThatIsNotThere_IsLeftToTheFullWay() =>
        Assert.Null(EvseStatusPatch.Apply(AsSent, "E-3", "AVAILABLE", "2026-03-02T07:30:00Z", new DateTime(2026, 3, 2, 7, 30, 0, DateTimeKind.Utc)));

    /// <summary>What LocationReceiver's EVSE PATCH does with the tree: clone, replace the fields, propagate last_updated.</summary>
    private static (string Json, int Index) AsTheReceiverMerges(string stored, string uid, JsonObject pushed)
    {
        var merged = JsonNode.Parse(stored)!.AsObject().DeepClone().AsObject();
        var evses = merged["evses"]!.AsArray();
        var existing = evses.OfType<JsonObject>().First(e => string.Equals(e["uid"]!.GetValue<string>(), uid, StringComparison.OrdinalIgnoreCase));
        var evse = existing.DeepClone().AsObject();
        foreach (var (name, value) in pushed)
            evse[name] = value?.DeepClone();
        var index = evses.IndexOf(existing);
        evses[index] = evse;
        OcpiJson.TryParseDateTime(evse["last_updated"]!.GetValue<string>(), out var child);
        OcpiJson.TryParseDateTime(merged["last_updated"]!.GetValue<string>(), out var own);
        if (own < child)
            merged["last_updated"] = evse["last_updated"]!.DeepClone();
        return (merged.ToJsonString(), index);
    }
}
