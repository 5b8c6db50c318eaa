using Portal.Hosting;
using Portal.Integration.Documents;

namespace Portal.Features.Applications;

internal static class ApplyRegistration
{
    /// <summary>The resident side of applications: the form's services and the document store (outside the web root).</summary>
    public static IServiceCollection AddResidentApplications(this IServiceCollection services)
    {
        services.AddSingleton(s => new DocumentStore(s.GetRequiredService<AppDataFolder>().Resolve("documents")));
        services.AddScoped<ApplyAddressLookup>();
        services.AddScoped<ResidentApplications>();
        return services;
    }
}
