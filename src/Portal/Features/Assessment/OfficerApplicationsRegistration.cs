namespace Portal.Features.Assessment;

/// <summary>The officer side of applications: queue, decisions, deadline reminders.</summary>
internal static class OfficerApplicationsRegistration
{
    public static IServiceCollection AddOfficerApplications(this IServiceCollection services)
    {
        services.AddScoped<QueueQueries>();
        services.AddScoped<QueueExport>();
        services.AddScoped<DecisionService>();
        services.AddScoped<OfficerMailer>();
        services.AddScoped<DeadlineReminders>();
        return services;
    }
}
