namespace Portal.Features.AuditReports;

internal static class AuditReportsRegistration
{
    /// <summary>The downloads of an audit report; they need no database (the audit run builds the report).</summary>
    public static IServiceCollection AddAuditReports(this IServiceCollection services)
    {
        services.AddScoped<AuditReportDownloads>();
        return services;
    }
}
