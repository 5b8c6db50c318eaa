using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Portal.Integration.Ocpi.Contracts;

namespace Portal.Integration.Ocpi.Server;

internal static class OcpiStatus
{
    public const int Success = 1000;
    public const int ClientError = 2000;
    public const int InvalidParameters = 2001;
    public const int UnknownLocation = 2003;
    public const int CannotUseClientApi = 3001;
}

/// <summary>Every OCPI answer is the envelope, written with <see cref="OcpiJson.Options"/>.</summary>
internal static class OcpiResults
{
    public static IResult Success<T>(HttpContext http, T data) =>
        Envelope(http, StatusCodes.Status200OK, new OcpiResponse<T>(data, OcpiStatus.Success, null, Now(http)));

    /// <summary>A push answer: the spec leaves data undefined, so it is left out.</summary>
    public static IResult Success(HttpContext http, int httpStatus, string? message) =>
        Envelope(http, httpStatus, new OcpiResponse<object>(null, OcpiStatus.Success, message, Now(http)));

    public static IResult Error(HttpContext http, int httpStatus, int ocpiStatus, string? message) =>
        Envelope(http, httpStatus, new OcpiResponse<object>(null, ocpiStatus, message, Now(http)));

    private static IResult Envelope<T>(HttpContext http, int httpStatus, OcpiResponse<T> response) =>
        Results.Json(response, OcpiJson.Options, "application/json", httpStatus);

    private static DateTime Now(HttpContext http) =>
        http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
}
