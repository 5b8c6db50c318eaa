using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Portal.Integration.Persistence;

namespace Portal.Hosting;

internal static class HealthRegistration
{
    public static void AddPortalHealthChecks(this IServiceCollection services) =>
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");

    public static void MapPortalHealthChecks(this WebApplication app, string path) =>
        app.MapHealthChecks(path, new HealthCheckOptions { ResponseWriter = WriteJsonAsync }).DisableHttpMetrics();

    private static Task WriteJsonAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        return JsonSerializer.SerializeAsync(context.Response.Body, new
        {
            status = report.Status.ToString(),
            durationMs = Math.Round(report.TotalDuration.TotalMilliseconds, 1),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description, data = e.Value.Data.Count == 0 ? null : e.Value.Data }),
        });
    }
}

internal sealed class DatabaseHealthCheck(PortalDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await db.Database.CanConnectAsync(cancellationToken)
                ? HealthCheckResult.Healthy($"{db.Database.ProviderName} reachable")
                : HealthCheckResult.Unhealthy("The database cannot be reached.");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The database cannot be reached.", e);
        }
    }
}
