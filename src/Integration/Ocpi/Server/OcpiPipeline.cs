using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Domain.Audits.IngestHealth;
using Portal.Integration.Audits;
using Portal.Integration.Ocpi.Connections;

namespace Portal.Integration.Ocpi.Server;

/// <summary>
/// The OCPI interface's own branch of the request pipeline, ahead of the portal's page middleware
/// (localisation, antiforgery, cookie authentication, status-code pages, static files, security headers for
/// browsers): a CPO pushing thousands of status updates pays only for what an OCPI call needs. The branch has
/// its own routing with only the OCPI endpoints, a body limit, and turns an unhandled exception or an unknown
/// path into an OCPI envelope instead of the portal's HTML error page. Authentication is the endpoints' own
/// token check (<see cref="OcpiRequestFilter"/>).
/// </summary>
public static class OcpiPipeline
{
    /// <summary>The largest request body accepted: a Location with a few hundred EVSEs fits many times over.</summary>
    public const long MaxRequestBodyBytes = 4 * 1024 * 1024;

    /// <summary>OCPI 3000: generic server error.</summary>
    private const int ServerError = 3000;

    /// <summary>Sends every request under <paramref name="prefix"/> down the OCPI branch; the rest goes on to the portal.</summary>
    public static IApplicationBuilder UseOcpi(this IApplicationBuilder app, PathString prefix)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.MapWhen(http => http.Request.Path.StartsWithSegments(prefix), ocpi =>
        {
            ocpi.Use(LimitBodyAndCatchAsync);
            ocpi.UseRouting();
            ocpi.UseEndpoints(endpoints => endpoints.MapGroup(prefix).MapOcpiEndpoints());
            // Reached only when no OCPI endpoint matched the path.
            ocpi.Run(http => OcpiResults.Error(http, StatusCodes.Status404NotFound, OcpiStatus.ClientError, "no such OCPI endpoint").ExecuteAsync(http));
        });
    }

    private static async Task LimitBodyAndCatchAsync(HttpContext http, RequestDelegate next)
    {
        var started = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = MaxRequestBodyBytes;
        try
        {
            await next(http);
        }
        catch (BadHttpRequestException e) when (!http.Response.HasStarted)
        {
            // Kestrel's refusal of a body over the limit (413) or a malformed request (400).
            http.Response.Clear();
            await OcpiResults.Error(http, e.StatusCode, OcpiStatus.ClientError, e.Message).ExecuteAsync(http);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            // The caller went away: there is no one to answer.
        }
        catch (Exception e) when (!http.Response.HasStarted)
        {
            http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(OcpiPipeline))
                .LogError(e, "An OCPI request to {Path} failed", http.Request.Path.Value);
            // Our 5xx: the portal failed to receive, so this time is unmeasured for the calling connection (when known).
            var caller = http.Items[typeof(AuthenticatedConnection)] as AuthenticatedConnection;
            await http.RequestServices.GetRequiredService<IngestHealthLog>()
                .RecordFailureAsync(caller?.Connection.Id, IngestFailureKind.Push, started, $"{http.Request.Method} {http.Request.Path.Value}: {e.Message}");
            http.Response.Clear();
            await OcpiResults.Error(http, StatusCodes.Status500InternalServerError, ServerError, "the portal could not handle this request").ExecuteAsync(http);
        }
    }
}
