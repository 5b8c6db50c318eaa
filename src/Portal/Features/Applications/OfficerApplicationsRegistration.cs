namespace Portal.Features.Applications;

/// <summary>The officer side of applications: queue, decisions, deadline reminders, retention, demo applications.</summary>
internal static class OfficerApplicationsRegistration
{
    public static IServiceCollection AddOfficerApplications(this IServiceCollection services)
    {
        services.AddScoped<QueueQueries>();
        services.AddScoped<QueueExport>();
        services.AddScoped<DecisionService>();
        services.AddScoped<PreAssessmentInputs>();
        services.AddScoped<OfficerMailer>();
        services.AddScoped<DeadlineReminders>();
        services.AddScoped<ApplicationRetention>();
        services.AddScoped<DemoApplications>();
        return services;
    }
}
