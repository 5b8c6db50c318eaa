using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Portal.Integration.Ocpi.Receiving;

/// <summary>
/// An EVSE object as a CPO sent it, without its status and last_updated: those are what changes from one
/// observation to the next, and each <see cref="EvseStatusEvent"/> holds them. Every distinct version is
/// stored once, keyed by the SHA-256 of its JSON, so a month of status changes of one EVSE refers to one
/// or a few rows instead of copying the EVSE into every event.
/// </summary>
public sealed class OcpiEvseVersion
{
    private OcpiEvseVersion() { }

    /// <summary>SHA-256 of <see cref="RawJson"/>'s UTF-8 bytes, lower-case hex.</summary>
    public string Hash { get; private set; } = "";
    public string RawJson { get; private set; } = "";

    public static OcpiEvseVersion Create(string hash, string rawJson) => new() { Hash = hash, RawJson = rawJson };

    /// <summary>
    /// The version of each EVSE in a Location's JSON, in the order of its evses array: the object with its
    /// top-level status and last_updated left out, otherwise as sent. With <paramref name="only"/>, the
    /// version of that EVSE alone (the others are skipped, not hashed).
    /// </summary>
    public static List<(string Hash, string Json)> Of(ReadOnlySpan<byte> location, int only = -1)
    {
        var versions = new List<(string, string)>(1);
        var reader = new Utf8JsonReader(location);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            return versions;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isEvses = reader.ValueTextEquals("evses");
            reader.Read();
            if (!isEvses || reader.TokenType != JsonTokenType.StartArray)
            {
                reader.Skip();
                continue;
            }
            var buffer = Buffer ??= new ArrayBufferWriter<byte>(2048);
            var writer = Writer ??= new Utf8JsonWriter(buffer);
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            var index = -1;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    reader.Skip();
                    continue;
                }
                index++;
                if (only >= 0 && index != only)
                {
                    reader.Skip();
                    continue;
                }
                buffer.ResetWrittenCount();
                writer.Reset(buffer);
                writer.WriteStartObject();
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var skip = reader.ValueTextEquals("status") || reader.ValueTextEquals("last_updated");
                    if (!skip)
                    {
                        // The name as sent, re-escaped by the writer as it would escape the decoded text.
                        if (reader.ValueIsEscaped)
                            writer.WritePropertyName(reader.GetString()!);
                        else
                            writer.WritePropertyName(reader.ValueSpan);
                    }
                    reader.Read();
                    var start = (int)reader.TokenStartIndex;
                    reader.Skip();
                    if (!skip)
                        writer.WriteRawValue(location[start..(int)reader.BytesConsumed], skipInputValidation: true);
                }
                writer.WriteEndObject();
                writer.Flush();
                var bytes = buffer.WrittenSpan;
                SHA256.HashData(bytes, hash);
                versions.Add((Convert.ToHexStringLower(hash), Encoding.UTF8.GetString(bytes)));
            }
            break;
        }
        return versions;
    }

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? Buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? Writer;

    /// <summary>The EVSE as observed: this version with the event's status and time put back.</summary>
    public static JsonObject Observed(string versionJson, string status, DateTime occurredAtUtc)
    {
        var evse = JsonNode.Parse(versionJson)!.AsObject();
        evse["status"] = status;
        evse["last_updated"] = OcpiJson.FormatDateTime(occurredAtUtc);
        return evse;
    }
}
