using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Portal.Integration.Ocpi.ChargingProfiles;

namespace Portal.Integration.Ocpi.Server;

/// <summary>
/// The portal's ChargingProfiles Sender interface (NOTES 8.2): the response_url callbacks. Answers carry
/// no data. A request id that is not ours, or not sent to the calling connection, is 404 with 2001.
/// </summary>
internal static class OcpiChargingProfileEndpoints
{
    public static async Task<IResult> ResultAsync(HttpContext http, string requestId)
    {
        if (!Guid.TryParse(requestId, out var id))
            return OcpiResults.Error(http, StatusCodes.Status404NotFound, OcpiStatus.InvalidParameters, "unknown charging-profile request");
        JsonNode? body;
        try
        {
            body = await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
        }
        catch (JsonException e)
        {
            return OcpiResults.Error(http, StatusCodes.Status400BadRequest, OcpiStatus.InvalidParameters, $"the body is not valid JSON: {e.Message}");
        }

        var results = http.RequestServices.GetRequiredService<ChargingProfileResults>();
        var outcome = await results.ReceiveAsync(OcpiRequestFilter.Caller(http).Connection.Id, id, body, http.RequestAborted);
        return outcome.Status switch
        {
            ResultStatus.Recorded or ResultStatus.AlreadyRecorded => OcpiResults.Success(http, StatusCodes.Status200OK, outcome.Message),
            // Reached the OCPI layer from an authenticated peer: the failure goes in status_code (NOTES 1.1).
            ResultStatus.Invalid => OcpiResults.Error(http, StatusCodes.Status200OK, OcpiStatus.InvalidParameters, outcome.Message),
            ResultStatus.UnknownRequest => OcpiResults.Error(http, StatusCodes.Status404NotFound, OcpiStatus.InvalidParameters, outcome.Message),
            _ => throw new InvalidOperationException($"Unhandled outcome {outcome.Status}"),
        };
    }
}
