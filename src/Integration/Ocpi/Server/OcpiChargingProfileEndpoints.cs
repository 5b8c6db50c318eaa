using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Portal.Integration.Ocpi.ChargingProfiles;

namespace Portal.Integration.Ocpi.Server;

/// <summary>
/// The portal's ChargingProfiles Sender interface (NOTES 8.2): the response_url callbacks, and the PUT of
/// an ActiveChargingProfile when it changes. Answers carry no data. A request id that is not ours, or not
/// sent to the calling connection, or a session we set no accepted profile for, is 404 with 2001.
/// </summary>
internal static class OcpiChargingProfileEndpoints
{
    public static async Task<IResult> ResultAsync(HttpContext http, string requestId)
    {
        if (!Guid.TryParse(requestId, out var id))
            return OcpiResults.Error(http, StatusCodes.Status404NotFound, OcpiStatus.InvalidParameters, "unknown charging-profile request");
        var (body, refusal) = await OcpiRequestBody.ReadJsonAsync(http);
        if (refusal is not null)
            return refusal;

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

    public static async Task<IResult> UpdateAsync(HttpContext http, string sessionId)
    {
        var raw = await ReadBodyAsync(http, ActiveChargingProfileUpdate.MaxJson);
        if (raw is null)
            return OcpiResults.Error(http, StatusCodes.Status413PayloadTooLarge, OcpiStatus.InvalidParameters, $"the body is longer than {ActiveChargingProfileUpdate.MaxJson} characters");
        var (body, refusal) = OcpiRequestBody.ParseJson(http, raw);
        if (refusal is not null)
            return refusal;

        var updates = http.RequestServices.GetRequiredService<ActiveChargingProfileUpdates>();
        var requestId = http.Request.Headers[OcpiRequestFilter.RequestIdHeader].ToString();
        var outcome = await updates.ReceiveAsync(OcpiRequestFilter.Caller(http).Connection.Id, sessionId, raw, body, requestId, http.RequestAborted);
        return outcome.Status switch
        {
            UpdateStatus.Stored or UpdateStatus.Duplicate => OcpiResults.Success(http, StatusCodes.Status200OK, outcome.Message),
            UpdateStatus.Invalid => OcpiResults.Error(http, StatusCodes.Status200OK, OcpiStatus.InvalidParameters, outcome.Message),
            UpdateStatus.UnknownSession => OcpiResults.Error(http, StatusCodes.Status404NotFound, OcpiStatus.InvalidParameters, outcome.Message),
            _ => throw new InvalidOperationException($"Unhandled outcome {outcome.Status}"),
        };
    }

    /// <summary>The body as text, or null when it is longer than <paramref name="max"/> characters (the rest is not read).</summary>
    private static async Task<string?> ReadBodyAsync(HttpContext http, int max)
    {
        using var reader = new StreamReader(http.Request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 4096, leaveOpen: true);
        var buffer = new char[max + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await reader.ReadAsync(buffer.AsMemory(length), http.RequestAborted)) > 0)
            length += read;
        return length > max ? null : new string(buffer, 0, length);
    }
}
