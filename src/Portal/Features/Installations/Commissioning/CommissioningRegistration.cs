using Portal.Features.Installations.LeadTimes;
using Portal.Features.Installations.Overdue;

namespace Portal.Features.Installations.Commissioning;

internal static class CommissioningRegistration
{
    /// <summary>Following installations up: commissioning from the CPO's data, the daily overdue mail, lead-time figures, the resident's status line.</summary>
    public static IServiceCollection AddInstallationFollowUp(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CommissioningOptions>().Bind(configuration.GetSection("Installations"))
            .Validate(o => o.CommissioningMaxDistanceMetres is > 0 and <= 500, "Installations:CommissioningMaxDistanceMetres must be above 0 and at most 500 metres.")
            .ValidateOnStart();
        services.AddScoped<CommissioningMailer>();
        services.AddScoped<CommissioningService>();
        services.AddScoped<OverdueStepMails>();
        services.AddScoped<LeadTimeFigures>();
        services.AddScoped<ResidentInstallationStatusQuery>();
        return services;
    }
}
