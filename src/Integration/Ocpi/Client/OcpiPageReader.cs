using System.Text.Json;

namespace Portal.Integration.Ocpi.Client;

/// <summary>
/// Reads a page of a paginated OCPI list: checks the envelope (a success status_code) and reads each
/// object of data into its wire record once, keeping its raw JSON. The page is tokenised once to find
/// the objects; each is then deserialised from its own slice, so one that does not fit the contract is
/// refused alone.
/// </summary>
public static class OcpiPageReader
{
    public static IReadOnlyList<OcpiObject<T>> Read<T>(byte[] body, string requestId)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(body);
        var slices = new List<(int Start, int Length)>();
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
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        var start = (int)reader.TokenStartIndex;
                        var isObject = reader.TokenType == JsonTokenType.StartObject;
                        reader.Skip();
                        if (isObject)
                            slices.Add((start, (int)reader.BytesConsumed - start));
                    }
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

    internal static string Describe(JsonException e) =>
        e.Path is { } path ? $"{path.TrimStart('$', '.')}: {e.Message}" : e.Message;
}
