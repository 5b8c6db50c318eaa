using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Portal.Integration.Ocpi.Server;

/// <summary>
/// The JSON body of a pushed OCPI object. A body that is not JSON at all is refused with HTTP 400 and
/// 2001; whether the JSON is a valid object is for the receiver to say (HTTP 200 with 2001).
/// </summary>
internal static class OcpiRequestBody
{
    public static async Task<(JsonNode? Body, IResult? Refusal)> ReadJsonAsync(HttpContext http)
    {
        try
        {
            return (await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted), null);
        }
        catch (JsonException e)
        {
            return (null, NotJson(http, e));
        }
    }

    public static (JsonNode? Body, IResult? Refusal) ParseJson(HttpContext http, string text)
    {
        try
        {
            return (JsonNode.Parse(text), null);
        }
        catch (JsonException e)
        {
            return (null, NotJson(http, e));
        }
    }

    private static IResult NotJson(HttpContext http, JsonException e) =>
        OcpiResults.Error(http, StatusCodes.Status400BadRequest, OcpiStatus.InvalidParameters, $"the body is not valid JSON: {e.Message}");
}
