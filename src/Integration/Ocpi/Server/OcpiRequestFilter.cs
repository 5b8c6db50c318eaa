using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Portal.Integration.Ocpi.Connections;

namespace Portal.Integration.Ocpi.Server;

/// <summary>
/// Runs before every OCPI handler: echoes (or creates) X-Request-ID and X-Correlation-ID, and
/// authenticates the "Authorization: Token ..." header against the connections' hashed tokens.
/// </summary>
internal static class OcpiRequestFilter
{
    public const string RequestIdHeader = "X-Request-ID";
    public const string CorrelationIdHeader = "X-Correlation-ID";

    public static async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        Echo(http, RequestIdHeader);
        Echo(http, CorrelationIdHeader);

        string? authorization = http.Request.Headers.Authorization;
        var acceptsTokenA = http.GetEndpoint()?.Metadata.GetMetadata<AcceptsTokenA>() is not null;
        var cache = http.RequestServices.GetRequiredService<OcpiCallerCache>();
        // The credentials module changes the connection it is given, so it always reads a tracked one.
        var authenticated = acceptsTokenA ? null : cache.Find(authorization);
        if (authenticated is null)
        {
            var generation = OcpiCallerCache.Generation;
            authenticated = await http.RequestServices.GetRequiredService<OcpiConnections>().AuthenticateAsync(authorization, http.RequestAborted);
            if (authenticated is not null && !acceptsTokenA && authenticated.Connection.LastReachedAtUtc is { } reached)
                cache.Remember(authorization, authenticated, generation, reached + OcpiConnections.ReachedGranularity);
        }
        if (authenticated is null)
            return OcpiResults.Error(http, StatusCodes.Status401Unauthorized, OcpiStatus.ClientError, "missing or unknown credentials token");
        // NOTES 1.2: token A opens only the versions and credentials modules.
        if (authenticated.WithTokenA && !acceptsTokenA)
            return OcpiResults.Error(http, StatusCodes.Status401Unauthorized, OcpiStatus.ClientError, "CREDENTIALS_TOKEN_A is only valid on the versions and credentials modules");
        http.Items[typeof(AuthenticatedConnection)] = authenticated;
        return await next(context);
    }

    public static AuthenticatedConnection Caller(HttpContext http) =>
        http.Items[typeof(AuthenticatedConnection)] as AuthenticatedConnection ?? throw new InvalidOperationException("The OCPI request filter did not run.");

    /// <summary>Endpoint metadata: this endpoint (versions, credentials) also takes the registration token A.</summary>
    public sealed class AcceptsTokenA
    {
        public static readonly AcceptsTokenA Instance = new();

        private AcceptsTokenA() { }
    }

    private static void Echo(HttpContext http, string header)
    {
        var value = http.Request.Headers[header].ToString();
        http.Response.Headers[header] = string.IsNullOrWhiteSpace(value) ? Guid.NewGuid().ToString() : value;
    }
}
