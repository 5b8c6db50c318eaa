using System.Text;
using System.Text.Json;

namespace Portal.Integration.Ocpi.Client;

/// <summary>
/// One object of a page as the CPO sent it: its wire record, read once, and its raw JSON (UTF-8, a slice
/// of the page) for what is kept as sent. An object that does not read as <typeparamref name="T"/> has no
/// value but an error, so it is refused alone and the rest of the page is kept.
/// </summary>
public sealed class OcpiObject<T>(T? value, ReadOnlyMemory<byte> utf8, string? error)
    where T : class
{
    public T? Value { get; } = value;

    public ReadOnlyMemory<byte> Utf8 { get; } = utf8;

    /// <summary>Why the object could not be read (then <see cref="Value"/> is null).</summary>
    public string? Error { get; } = error;

    /// <summary>The raw JSON as text.</summary>
    public string Json() => Encoding.UTF8.GetString(Utf8.Span);

    /// <summary>The top-level "id" as sent, for naming an object that could not be read.</summary>
    public string? RawId()
    {
        var id = OcpiJsonSlices.Property(Utf8.Span, "id");
        return id.IsEmpty ? null : Encoding.UTF8.GetString(id).Trim('"');
    }
}

/// <summary>Finds parts of an object's raw JSON without building a document.</summary>
public static class OcpiJsonSlices
{
    /// <summary>The raw value of a top-level property; empty when absent (or the JSON is not an object).</summary>
    public static ReadOnlySpan<byte> Property(ReadOnlySpan<byte> utf8Object, string name)
    {
        var reader = new Utf8JsonReader(utf8Object);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                return default;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var matches = reader.ValueTextEquals(name);
                reader.Read();
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                if (matches)
                    return utf8Object[start..((int)reader.BytesConsumed)];
            }
        }
        catch (JsonException)
        {
        }
        return default;
    }
}
