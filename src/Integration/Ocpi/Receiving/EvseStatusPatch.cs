using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Portal.Integration.Ocpi.Validation;

namespace Portal.Integration.Ocpi.Receiving;

/// <summary>
/// The common push: a PATCH of one EVSE that carries only its <c>status</c> and <c>last_updated</c>. Applied
/// to the stored snapshot's JSON in two passes of a reader (find the EVSE; write the Location out with the two
/// values replaced and the Location's last_updated raised to the EVSE's when older, as the receiver does),
/// without building, cloning and merging a tree of the whole Location. The JSON written is the same text the
/// tree would serialise to (<see cref="JsonNode.ToJsonString"/> with default options): property names and
/// strings unescaped and escaped again by the default encoder, numbers as they were, no whitespace.
/// </summary>
public static class EvseStatusPatch
{
    /// <summary>The body's status and last_updated when it holds those two and nothing else, both usable; else null.</summary>
    public static EvseStatusChange? Read(JsonObject pushed)
    {
        ArgumentNullException.ThrowIfNull(pushed);
        if (pushed.Count != 2
            || pushed["status"] is not JsonValue status || status.GetValueKind() != JsonValueKind.String
            || pushed["last_updated"] is not JsonValue lastUpdated || lastUpdated.GetValueKind() != JsonValueKind.String)
            return null;
        var statusText = status.GetValue<string>();
        var lastUpdatedText = lastUpdated.GetValue<string>();
        if (!OcpiValues.EvseStatus.Contains(statusText) || !OcpiJson.TryParseDateTime(lastUpdatedText, out var utc))
            return null;
        return new EvseStatusChange(statusText, lastUpdatedText, utc);
    }

    /// <summary>
    /// The stored Location with the EVSE's status and last_updated replaced; null when the snapshot is not of
    /// the plain shape this handles (no such EVSE, a key given twice, a last_updated that does not read): the
    /// caller then goes the full way, which decides those cases.
    /// </summary>
    public static Patched? Apply(string storedJson, string evseUid, string status, string lastUpdatedText, DateTime lastUpdated)
    {
        ArgumentNullException.ThrowIfNull(storedJson);
        return Apply(Encoding.UTF8.GetBytes(storedJson), evseUid, status, lastUpdatedText, lastUpdated);
    }

    /// <summary>The same on the stored Location's UTF-8 text.</summary>
    public static Patched? Apply(byte[] stored, string evseUid, string status, string lastUpdatedText, DateTime lastUpdated)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (Find(stored, evseUid) is not { } found)
            return null;
        if (found.EvseLastUpdated is { } known && lastUpdated < known)
            return Patched.Older;
        var raiseLocation = found.LocationLastUpdated is not { } own || own < lastUpdated;
        if (found.Status == status && found.EvseLastUpdatedText == lastUpdatedText && !raiseLocation)
            return Patched.Same;
        var locationLastUpdated = raiseLocation ? lastUpdated : found.LocationLastUpdated!.Value;

        var buffer = new ArrayBufferWriter<byte>(stored.Length + 64);
        using (var writer = new Utf8JsonWriter(buffer))
            Write(stored, writer, found.Index, status, lastUpdatedText, raiseLocation);
        var statuses = found.Statuses;
        statuses[found.Index] = status;
        return new Patched(PatchKind.Changed, buffer.WrittenMemory.ToArray(), found.Index, found.Uid, locationLastUpdated, statuses);
    }

    public enum PatchKind
    {
        Changed,
        Same,
        Older,
    }

    /// <summary>
    /// What the patch gives: the new JSON (UTF-8), the EVSE's place in the evses array and uid as stored, the
    /// Location's last_updated after it, and the status of every EVSE in the array in order.
    /// </summary>
    public sealed record Patched(PatchKind Kind, byte[] Utf8, int Index, string Uid, DateTime LocationLastUpdated, string?[] Statuses)
    {
        public static readonly Patched Same = new(PatchKind.Same, [], -1, "", default, []);
        public static readonly Patched Older = new(PatchKind.Older, [], -1, "", default, []);
    }

    private sealed record Found(int Index, string Uid, string? Status, string? EvseLastUpdatedText, DateTime? EvseLastUpdated, DateTime? LocationLastUpdated, string?[] Statuses);

    /// <summary>
    /// First pass: the first EVSE whose uid matches (ignoring case, as the receiver finds it), its status and
    /// last_updated, the Location's last_updated and every EVSE's status.
    /// </summary>
    private static Found? Find(ReadOnlySpan<byte> json, string evseUid)
    {
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            return null;
        DateTime? locationLastUpdated = null;
        var seenLocationLastUpdated = false;
        var seenEvses = false;
        Found? found = null;
        var statuses = new List<string?>(4);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("last_updated"))
            {
                if (seenLocationLastUpdated)
                    return null;
                seenLocationLastUpdated = true;
                reader.Read();
                locationLastUpdated = DateOf(ref reader);
                if (locationLastUpdated is null)
                    return null;
                continue;
            }
            if (!reader.ValueTextEquals("evses"))
            {
                reader.Read();
                reader.Skip();
                continue;
            }
            if (seenEvses)
                return null;
            seenEvses = true;
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartArray)
                return null;
            var index = 0;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType != JsonTokenType.StartObject)
                    return null;
                if (ReadEvse(ref reader) is not { } evse)
                    return null;
                statuses.Add(evse.Status);
                if (found is null && evse.Uid is not null && string.Equals(evse.Uid, evseUid, StringComparison.OrdinalIgnoreCase))
                    found = new Found(index, evse.Uid, evse.Status, evse.LastUpdatedText, evse.LastUpdated, null, []);
                index++;
            }
        }
        if (found is null || locationLastUpdated is null || found.EvseLastUpdatedText is null)
            return null;
        return found with { LocationLastUpdated = locationLastUpdated, Statuses = [.. statuses] };
    }

    private sealed record EvseRead(string? Uid, string? Status, string? LastUpdatedText, DateTime? LastUpdated);

    /// <summary>Reads one EVSE object (the reader on its start); null when a key that matters comes twice or is not a string.</summary>
    private static EvseRead? ReadEvse(ref Utf8JsonReader reader)
    {
        string? uid = null, status = null, lastUpdatedText = null;
        DateTime? lastUpdated = null;
        var seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field = reader.ValueTextEquals("uid") ? 1 : reader.ValueTextEquals("status") ? 2 : reader.ValueTextEquals("last_updated") ? 4 : 0;
            reader.Read();
            if (field == 0)
            {
                reader.Skip();
                continue;
            }
            if ((seen & field) != 0 || reader.TokenType != JsonTokenType.String)
                return null;
            seen |= field;
            var text = reader.GetString()!;
            switch (field)
            {
                case 1:
                    uid = text;
                    break;
                case 2:
                    status = text;
                    break;
                default:
                    lastUpdatedText = text;
                    lastUpdated = OcpiJson.TryParseDateTime(text, out var utc) ? utc : null;
                    break;
            }
        }
        return new EvseRead(uid, status, lastUpdatedText, lastUpdated);
    }

    private static DateTime? DateOf(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.String && OcpiJson.TryParseDateTime(reader.GetString(), out var utc) ? utc : null;

    /// <summary>Second pass: the Location written out as a parsed tree would be, with the patched values.</summary>
    private static void Write(ReadOnlySpan<byte> json, Utf8JsonWriter writer, int evseIndex, string status, string lastUpdated, bool raiseLocation)
    {
        var reader = new Utf8JsonReader(json);
        var evse = -1;
        var inEvses = false;
        var evsesDepth = -1;
        var replace = (string?)null;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    var depth = reader.CurrentDepth;
                    WriteName(ref reader, writer);
                    replace = null;
                    if (depth == 1)
                    {
                        inEvses = reader.ValueTextEquals("evses");
                        if (raiseLocation && reader.ValueTextEquals("last_updated"))
                            replace = lastUpdated;
                    }
                    else if (inEvses && depth == evsesDepth + 2 && evse == evseIndex)
                    {
                        if (reader.ValueTextEquals("status"))
                            replace = status;
                        else if (reader.ValueTextEquals("last_updated"))
                            replace = lastUpdated;
                    }
                    if (replace is not null)
                    {
                        reader.Read();
                        writer.WriteStringValue(replace);
                        replace = null;
                    }
                    break;
                case JsonTokenType.StartObject:
                    if (inEvses && reader.CurrentDepth == evsesDepth + 1)
                        evse++;
                    writer.WriteStartObject();
                    break;
                case JsonTokenType.EndObject:
                    writer.WriteEndObject();
                    break;
                case JsonTokenType.StartArray:
                    if (inEvses && evsesDepth < 0 && reader.CurrentDepth == 1)
                        evsesDepth = 1;
                    writer.WriteStartArray();
                    break;
                case JsonTokenType.EndArray:
                    writer.WriteEndArray();
                    break;
                case JsonTokenType.String:
                    WriteString(ref reader, writer);
                    break;
                case JsonTokenType.Number:
                    writer.WriteRawValue(reader.ValueSpan, skipInputValidation: true);
                    break;
                case JsonTokenType.True:
                    writer.WriteBooleanValue(true);
                    break;
                case JsonTokenType.False:
                    writer.WriteBooleanValue(false);
                    break;
                case JsonTokenType.Null:
                    writer.WriteNullValue();
                    break;
                default:
                    break;
            }
        }
        writer.Flush();
    }

    private static void WriteName(ref Utf8JsonReader reader, Utf8JsonWriter writer)
    {
        if (reader.ValueIsEscaped)
            writer.WritePropertyName(reader.GetString()!);
        else
            writer.WritePropertyName(reader.ValueSpan);
    }

    private static void WriteString(ref Utf8JsonReader reader, Utf8JsonWriter writer)
    {
        if (reader.ValueIsEscaped)
            writer.WriteStringValue(reader.GetString());
        else
            writer.WriteStringValue(reader.ValueSpan);
    }
}

/// <summary>The status and last_updated a status-only PATCH sets (the time as sent, and read as UTC).</summary>
public readonly record struct EvseStatusChange(string Status, string LastUpdatedText, DateTime LastUpdated);
