using Microsoft.Extensions.DependencyInjection.Extensions;
using Portal.Features.Contracts;

namespace Portal.Features.FieldChecks;

internal static class FieldChecksRegistration
{
    /// <summary>Field audit samples (ElaadNL G-4): drawing, the checklists, the CSV and photo downloads.</summary>
    public static IServiceCollection AddFieldChecks(this IServiceCollection services)
    {
        services.TryAddScoped<ContractFileUpload>();
        services.AddScoped<FieldCheckAccess>();
        services.AddScoped<FieldCheckPopulationReader>();
        services.AddScoped<FieldCheckService>();
        services.AddScoped<FieldCheckQueries>();
        return services;
    }
}
