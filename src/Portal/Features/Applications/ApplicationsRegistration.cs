using Portal.Hosting;
using Portal.Integration.Documents;

namespace Portal.Features.Applications;

/// <summary>What the resident's journey (Applying) and the officer's work (Assessment) both use.</summary>
internal static class ApplicationsRegistration
{
    public static IServiceCollection AddApplications(this IServiceCollection services, IConfiguration configuration)
    {
        // Residents' files, outside the web root: uploaded while applying, downloaded by both sides, removed by retention.
        services.AddSingleton(s => new DocumentStore(s.GetRequiredService<AppDataFolder>().Resolve("documents")));
        services.AddScoped<ApplicationPolicySource>();
        services.AddScoped<ApplicationAccess>();
        services.AddScoped<ApplicationMailer>();
        services.AddScoped<PreAssessmentInputs>();
        services.AddScoped<ApplicationRetention>();
        return services;
    }
}
