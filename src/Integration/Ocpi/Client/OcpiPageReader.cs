using System.Text.Json;

namespace Portal.Integration.Ocpi.Client;

/// <summary>
/// Reads a page of a paginated OCPI list: checks the envelope (a success status_code) and reads each
/// object of data into its wire record once, keeping its raw JSON. The page is tokenised once to find
/// the data array and each object's slice; the array is then deserialised in one call (one serializer
/// state for the whole page, as plain System.Text.Json would), its elements paired with the slices by
/// position. Only when that fails (an object that does not fit the contract) is each object deserialised
/// from its own slice, so the bad one is refused alone and the rest kept.
/// </summary>
public static class OcpiPageReader
{
    public static IReadOnlyList<OcpiObject<T>> Read<T>(byte[] body, string requestId)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(body);
        var slices = new List<(int Start, int Length)>();
        var elements = 0;
        (int Start, int Length) data = default;
        int? status = null;
        string? message = null;
        try
        {
            var reader = new Utf8JsonReader(body);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                throw new OcpiCallException(OcpiCallFailure.OcpiStatus, "OCPI status : the page is not an OCPI envelope", requestId);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("status_code"))
                {
                    reader.Read();
                    status = reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var code) ? code : null;
                }
                else if (reader.ValueTextEquals("status_message"))
                {
                    reader.Read();
                    message = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                    reader.Skip();
                }
                else if (reader.ValueTextEquals("data"))
                {
                    reader.Read();
                    if (reader.TokenType != JsonTokenType.StartArray)
                    {
                        reader.Skip();
                        continue;
                    }
                    var arrayStart = (int)reader.TokenStartIndex;
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        var start = (int)reader.TokenStartIndex;
                        var isObject = reader.TokenType == JsonTokenType.StartObject;
                        reader.Skip();
                        elements++;
                        if (isObject)
                            slices.Add((start, (int)reader.BytesConsumed - start));
                    }
                    data = (arrayStart, (int)reader.BytesConsumed - arrayStart);
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }
        }
        catch (JsonException e)
        {
            throw new OcpiCallException(OcpiCallFailure.InvalidResponse, $"the page is not valid JSON: {e.Message}", requestId, inner: e);
        }
        if (status is not (>= 1000 and < 2000))
            throw new OcpiCallException(OcpiCallFailure.OcpiStatus, $"OCPI status {status}: {message}", requestId, ocpiStatus: status);

        var items = new OcpiObject<T>[slices.Count];
        if (slices.Count == elements && slices.Count > 0 && ReadWhole<T>(body.AsSpan(data.Start, data.Length)) is { } values && values.Count == slices.Count)
        {
            for (var i = 0; i < slices.Count; i++)
            {
                var utf8 = body.AsMemory(slices[i].Start, slices[i].Length);
                items[i] = values[i] is { } value ? new OcpiObject<T>(value, utf8, null) : new OcpiObject<T>(null, utf8, "the object is empty");
            }
            return items;
        }
        for (var i = 0; i < slices.Count; i++)
        {
            var utf8 = body.AsMemory(slices[i].Start, slices[i].Length);
            try
            {
                items[i] = JsonSerializer.Deserialize<T>(utf8.Span, OcpiJson.Options) is { } value
                    ? new OcpiObject<T>(value, utf8, null)
                    : new OcpiObject<T>(null, utf8, "the object is empty");
            }
            catch (JsonException e)
            {
                items[i] = new OcpiObject<T>(null, utf8, Describe(e));
            }
        }
        return items;
    }

    /// <summary>The data array in one call; null when an object in it does not fit the contract.</summary>
    private static List<T?>? ReadWhole<T>(ReadOnlySpan<byte> array)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<List<T?>>(array, OcpiJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    internal static string Describe(JsonException e) =>
        e.Path is { } path ? $"{path.TrimStart('$', '.')}: {e.Message}" : e.Message;
}
