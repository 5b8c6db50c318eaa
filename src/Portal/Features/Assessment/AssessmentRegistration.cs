namespace Portal.Features.Assessment;

/// <summary>The officer side of applications: queue, decisions, deadline reminders.</summary>
internal static class AssessmentRegistration
{
    public static IServiceCollection AddAssessment(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<QueueQueries>();
        services.AddScoped<QueueExport>();
        services.AddScoped<DecisionService>();
        services.AddScoped<OfficerMailer>();
        services.AddScoped<DeadlineReminders>();
        return services;
    }
}
